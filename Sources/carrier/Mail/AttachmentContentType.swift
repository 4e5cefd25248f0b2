/// The MIME type `carrier mail -a` gives an attachment, from its file name's
/// extension; `application/octet-stream` for anything not in the table.
enum AttachmentContentType {
    static let fallback = "application/octet-stream"

    /// Common extensions, lower case. message/rfc822 is left out on purpose: it
    /// may not be sent base64 (RFC 2046 §5.2.1).
    static let byExtension: [String: String] = [
        "txt": "text/plain", "text": "text/plain", "log": "text/plain", "md": "text/markdown",
        "csv": "text/csv", "html": "text/html", "htm": "text/html", "css": "text/css",
        "ics": "text/calendar", "vcf": "text/vcard", "xml": "application/xml", "json": "application/json",
        "pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip",
        "tgz": "application/gzip", "tar": "application/x-tar", "bz2": "application/x-bzip2",
        "xz": "application/x-xz", "7z": "application/x-7z-compressed",
        "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "svg": "image/svg+xml", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav", "mp4": "video/mp4", "webm": "video/webm",
        "sh": "application/x-sh", "js": "text/javascript", "pem": "application/x-pem-file",
    ]

    /// The type for `filename` by the text after its last dot.
    static func forFilename(_ filename: String) -> String {
        guard let dot = filename.lastIndex(of: "."), dot != filename.startIndex else { return fallback }
        return byExtension[filename[filename.index(after: dot)...].lowercased()] ?? fallback
    }
}
