/// Puts a message body on the wire for DATA (RFC 5321 §4.5.2 and §4.1.1.4):
/// every line ends in CRLF, a line starting with `.` gets another `.`, and
/// `CRLF.CRLF` ends the data.
enum SMTPBodyEncoder {
    static func dotStuffed(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 64 + 5)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in body {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(byte) }
            if byte == 10 && previous != 13 { out.append(13) }
            out.append(byte)
            atLineStart = byte == 10
            previous = byte
        }
        if !atLineStart { out += [13, 10] }
        return out + Array(".\r\n".utf8)
    }
}
