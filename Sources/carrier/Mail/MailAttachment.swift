/// A file attached with `-a FILE`: sent as a base64 body part of its own.
struct MailAttachment: Equatable {
    /// The name offered to the recipient: the file's last path component.
    var filename: String
    /// `type/subtype`, from the file name's extension (see `AttachmentContentType`).
    var contentType: String
    var content: [UInt8]

    /// An attachment for the file at `path` with these bytes.
    init(path: String, content: [UInt8]) {
        filename = HeaderText.singleLine(String(path.split(separator: "/").last ?? Substring(path)))
        contentType = AttachmentContentType.forFilename(filename)
        self.content = content
    }
}
