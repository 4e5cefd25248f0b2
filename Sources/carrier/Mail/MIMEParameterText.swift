/// A MIME parameter as `carrier mail` writes one (`filename="report.pdf"`):
/// a quoted string when the value is printable ASCII (RFC 2045 §5.1), else
/// RFC 2231 §4 extended notation in UTF-8 (`filename*=utf-8''r%C3%A9sum%C3%A9.pdf`).
enum MIMEParameterText {
    /// `attribute="value"` or `attribute*=utf-8''percent-encoded-value`.
    static func format(_ attribute: String, _ value: String) -> String {
        if value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            var quoted = "\""
            for character in value {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return "\(attribute)=\(quoted)\""
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        for byte in value.utf8 {
            if isAttributeCharacter(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return "\(attribute)*=utf-8''" + String(decoding: encoded, as: UTF8.self)
    }

    /// RFC 2231 attribute-char: printable ASCII except space, `*`, `'`, `%` and the tspecials.
    private static func isAttributeCharacter(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"*'%()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }
}
