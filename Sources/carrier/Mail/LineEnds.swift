/// Line-end conversions between the wire (CRLF, RFC 5322 §2.1) and mailbox
/// files and terminals (LF).
enum LineEnds {
    /// `text` with CRLF, bare LF and bare CR all made CRLF, ending in CRLF unless empty.
    static func crlf(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 32 + 2)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 13 || byte == 10 {
                out += [13, 10]
                if byte == 13 && index + 1 < text.count && text[index + 1] == 10 { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        if let last = out.last, last != 10 { out += [13, 10] }
        return out
    }

    /// `text` with each CRLF made LF; other bytes as they are.
    static func lf(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        for (index, byte) in text.enumerated() where !(byte == 13 && index + 1 < text.count && text[index + 1] == 10) {
            out.append(byte)
        }
        return out
    }
}
