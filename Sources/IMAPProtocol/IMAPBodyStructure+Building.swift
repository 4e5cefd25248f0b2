import MailCore

/// Building BODY / BODYSTRUCTURE values from a message's MIME skeleton.
extension IMAPBodyStructure {
    /// The structure of a message (RFC 9051 §7.5.2) from its MIME skeleton.
    ///
    /// A multipart whose parts could not be found gets one empty text/plain
    /// part (the grammar needs at least one); a message/rfc822 whose inner
    /// message was not parsed (encoded, or past the depth limit) gets an
    /// empty envelope and such a body. A text part without a charset gets
    /// the RFC 2046 §4.1.2 default, us-ascii. Without `utf8`, non-ASCII
    /// parameter values are sent in RFC 2231 form (`name*` = `utf-8''%XX`).
    public init(_ part: MIMESkeleton, utf8: Bool = false) {
        let type = part.contentType
        if type.isMultipart {
            var parts = part.children.map { IMAPBodyStructure($0, utf8: utf8) }
            if parts.isEmpty { parts = [Self.emptyText] }
            self = .multipart(IMAPMultipartBody(
                parts: parts, subtype: type.subtype, parameters: Self.parameters(type.parameters, utf8: utf8),
                extensions: Self.extensions(part, utf8: utf8)
            ))
            return
        }
        let kind: IMAPSinglePartBody.Kind
        if type.isEncapsulatedMessage {
            let inner = part.encapsulatedMessage
            kind = .message(
                envelope: inner.map { IMAPEnvelope($0.envelope ?? MessageEnvelopeFields(), utf8: utf8) } ?? IMAPEnvelope(),
                body: inner.map { IMAPBodyStructure($0, utf8: utf8) } ?? Self.emptyText,
                lines: part.bodyLineCount
            )
        } else if type.type == "text" {
            kind = .text(lines: part.bodyLineCount)
        } else {
            kind = .basic
        }
        var parameters = Self.parameters(type.parameters, utf8: utf8)
        if type.type == "text" && type.charset == nil { parameters.insert(IMAPBodyParameter("charset", "us-ascii"), at: 0) }
        self = .single(IMAPSinglePartBody(
            type: type.type, subtype: type.subtype, parameters: parameters,
            id: part.contentID, description: part.rawContentDescription,
            encoding: part.contentTransferEncoding, octets: part.bodyRange.count, kind: kind,
            extensions: Self.extensions(part, utf8: utf8), md5: part.contentMD5
        ))
    }

    /// The structure of a parsed MIME tree, `MIMEPart.parse(_:)` of the
    /// whole message.
    public init(_ part: MIMEPart, utf8: Bool = false) {
        self.init(MIMESkeleton(part), utf8: utf8)
    }

    /// `("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0)`.
    static let emptyText = IMAPBodyStructure.single(IMAPSinglePartBody(
        type: "text", subtype: "plain", parameters: [IMAPBodyParameter("charset", "us-ascii")], octets: 0, kind: .text(lines: 0)
    ))

    private static func extensions(_ part: MIMESkeleton, utf8: Bool) -> IMAPBodyExtensions {
        let disposition = part.contentDisposition.map {
            IMAPBodyDisposition(type: $0.type, parameters: parameters($0.parameters, utf8: utf8))
        }
        let language = (part.contentLanguage ?? "").split(separator: ",").map {
            String($0.filter { $0 != " " && $0 != "\t" })
        }.filter { !$0.isEmpty }
        return IMAPBodyExtensions(disposition: disposition, language: language, location: part.contentLocation)
    }

    private static func parameters(_ parameters: MIMEParameters, utf8: Bool) -> [IMAPBodyParameter] {
        parameters.all.map { parameter in
            guard !utf8, !parameter.value.utf8.allSatisfy({ $0 < 0x80 }) else {
                return IMAPBodyParameter(parameter.name, parameter.value)
            }
            return IMAPBodyParameter(parameter.name + "*", "utf-8''" + percentEncoded(parameter.value))
        }
    }

    /// RFC 2231 §4 extended-value octets: attribute-char kept, others `%XX`.
    private static func percentEncoded(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in value.utf8 {
            if byte > 0x20 && byte < 0x7F && !"*'%()<>@,;:\\\"/[]?=".utf8.contains(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
