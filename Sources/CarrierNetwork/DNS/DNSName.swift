/// Domain names in presentation form (RFC 1035 §5.1): labels joined with
/// ".", no trailing dot, the root written "."; a "." or "\" inside a label and
/// any byte outside printable ASCII written as "\DDD" or "\c".
enum DNSName {
    static let root = "."

    /// The form used for comparison and cache keys: ASCII lower case
    /// (RFC 1035 §2.3.3, RFC 4343), trailing dot removed.
    static func normalized(_ name: String) -> String {
        var text = name.lowercased()
        if text.count > 1, text.hasSuffix("."), !text.hasSuffix("\\.") { text.removeLast() }
        return text.isEmpty ? root : text
    }

    /// The presentation form of one label read off the wire.
    static func presentation(label: ArraySlice<UInt8>) -> String {
        var text = ""
        for byte in label {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "\\"):
                text += "\\" + String(UnicodeScalar(byte))
            case 0x21...0x7E:
                text.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let digits = String(byte)
                text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
            }
        }
        return text
    }

    /// The labels of `name`, checked against the limits of RFC 1035 §2.3.4.
    static func labels(_ name: String) throws(DNSError) -> [[UInt8]] {
        let bytes = Array(name.utf8)
        if bytes.isEmpty || name == root { return [] }
        var labels: [[UInt8]] = [], label: [UInt8] = [], index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                guard !label.isEmpty else { throw .invalidName("empty label in \(name)") }
                labels.append(label)
                label = []
            } else if byte == UInt8(ascii: "\\") {
                label.append(try unescape(bytes, &index, name))
            } else {
                label.append(byte)
            }
            guard label.count <= DNSLimits.maxLabelLength else { throw .invalidName("label too long in \(name)") }
        }
        if !label.isEmpty { labels.append(label) }
        guard labels.reduce(1, { $0 + 1 + $1.count }) <= DNSLimits.maxNameLength else {
            throw .invalidName("name too long: \(name)")
        }
        return labels
    }

    private static func unescape(_ bytes: [UInt8], _ index: inout Int, _ name: String) throws(DNSError) -> UInt8 {
        guard index < bytes.count else { throw .invalidName("dangling escape in \(name)") }
        let digits = bytes[index..<min(index + 3, bytes.count)]
        guard digits.first.map({ (0x30...0x39).contains($0) }) == true else {
            index += 1
            return bytes[index - 1]
        }
        guard digits.count == 3, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = UInt8(String(decoding: digits, as: UTF8.self)) else {
            throw .invalidName("bad \\DDD escape in \(name)")
        }
        index += 3
        return value
    }
}
