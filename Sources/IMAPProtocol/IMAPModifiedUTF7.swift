/// The modified UTF-7 of IMAP4rev1 mailbox names (RFC 3501 §5.1.3, RFC 9051
/// Appendix A.1): printable US-ASCII stands for itself, `&` is `&-`, and
/// everything else is UTF-16 in base64 with `,` for `/`, between `&` and `-`.
public enum IMAPModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// Encodes a Unicode name; the output is printable US-ASCII.
    public static func encode(_ name: String) -> String {
        var output: [UInt8] = []
        var pending: [UInt16] = []
        for scalar in name.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value) {
                flush(&pending, into: &output)
                output.append(UInt8(scalar.value))
                if scalar == "&" { output.append(UInt8(ascii: "-")) }
            } else {
                pending.append(contentsOf: scalar.utf16)
            }
        }
        flush(&pending, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a name, or nil unless it is in the exact form §5.1.3 asks
    /// for: printable US-ASCII only, every shift closed by `-`, no empty or
    /// superfluous shift (`-&` between two encoded runs), no printable
    /// US-ASCII character encoded, zero padding bits, complete UTF-16.
    public static func decode(_ encoded: String) -> String? {
        let bytes = Array(encoded.utf8)
        var output = String.UnicodeScalarView()
        var index = 0
        var afterEncodedRun = false
        while index < bytes.count {
            let byte = bytes[index]
            guard (0x20...0x7E).contains(byte) else { return nil }
            guard byte == UInt8(ascii: "&") else {
                output.append(Unicode.Scalar(byte))
                afterEncodedRun = false
                index += 1
                continue
            }
            guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
            if end == index + 1 {
                output.append("&")
                afterEncodedRun = false
            } else {
                guard !afterEncodedRun, let scalars = decodeRun(bytes[(index + 1)..<end]) else { return nil }
                output.append(contentsOf: scalars)
                afterEncodedRun = true
            }
            index = end + 1
        }
        return String(output)
    }

    private static func flush(_ pending: inout [UInt16], into output: inout [UInt8]) {
        guard !pending.isEmpty else { return }
        output.append(UInt8(ascii: "&"))
        var bits: UInt32 = 0
        var count = 0
        for unit in pending {
            bits = bits << 16 | UInt32(unit)
            count += 16
            while count >= 6 {
                count -= 6
                output.append(alphabet[Int(bits >> UInt32(count) & 63)])
            }
            bits &= (1 << UInt32(count)) - 1
        }
        if count > 0 { output.append(alphabet[Int(bits << UInt32(6 - count) & 63)]) }
        output.append(UInt8(ascii: "-"))
        pending = []
    }

    /// The characters of one base64 run, or nil if it is malformed.
    private static func decodeRun(_ run: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
        var units: [UInt16] = []
        var bits: UInt32 = 0
        var count = 0
        for byte in run {
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            bits = bits << 6 | UInt32(value)
            count += 6
            if count >= 16 {
                count -= 16
                units.append(UInt16(bits >> UInt32(count) & 0xFFFF))
                bits &= (1 << UInt32(count)) - 1
            }
        }
        guard count < 6, bits == 0 else { return nil }
        var scalars: [Unicode.Scalar] = []
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                guard !(0x20...0x7E).contains(scalar.value) else { return nil }
                scalars.append(scalar)
            case .emptyInput:
                return scalars
            case .error:
                return nil
            }
        }
    }
}
