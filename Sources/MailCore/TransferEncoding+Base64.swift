extension TransferEncoding {
    /// Decodes base64 (RFC 2045 §6.8), skipping line breaks and any octet
    /// outside the alphabet as §6.8 requires. A `=` ends a quantum, so
    /// concatenated padded chunks decode; a final incomplete quantum yields
    /// what it can.
    public static func decodeBase64(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var decoder = Base64Accumulator()
        for byte in bytes {
            if byte == RFC5322ASCII.equals {
                decoder.flush()
            } else {
                decoder.add(base64Values[Int(byte)])
            }
        }
        decoder.flush()
        return decoder.output
    }

    /// Decodes the text of a B encoded word (RFC 2047 §4.1): alphabet octets
    /// optionally followed by padding, nothing else; nil when malformed.
    static func decodeBase64Strictly(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var decoder = Base64Accumulator()
        var padded = false
        for byte in bytes {
            if byte == RFC5322ASCII.equals {
                padded = true
                continue
            }
            let value = base64Values[Int(byte)]
            guard value != 0xFF, !padded else { return nil }
            decoder.add(value)
        }
        decoder.flush()
        return decoder.output
    }

    /// Encodes base64 (RFC 2045 §6.8) in lines of `lineLength` characters
    /// (rounded down to a multiple of 4; 0 or less for one line) joined by CRLF.
    public static func encodeBase64(_ bytes: some Collection<UInt8>, lineLength: Int = 76) -> String {
        let perLine = lineLength >= 4 ? lineLength - lineLength % 4 : Int.max
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 3 * 4 + 4)
        var column = 0
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = second == nil ? nil : iterator.next()
            if column == perLine {
                output.append(contentsOf: [RFC5322ASCII.cr, RFC5322ASCII.lf])
                column = 0
            }
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(base64Alphabet[Int(group >> 18 & 63)])
            output.append(base64Alphabet[Int(group >> 12 & 63)])
            output.append(second == nil ? RFC5322ASCII.equals : base64Alphabet[Int(group >> 6 & 63)])
            output.append(third == nil ? RFC5322ASCII.equals : base64Alphabet[Int(group & 63)])
            column += 4
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Collects 6-bit base64 values and emits octets per 4-value quantum.
struct Base64Accumulator {
    private(set) var output: [UInt8] = []
    private var bits: UInt32 = 0
    private var count = 0

    /// Adds one 6-bit value; 0xFF (not in the alphabet) is ignored.
    mutating func add(_ value: UInt8) {
        guard value != 0xFF else { return }
        bits = bits << 6 | UInt32(value)
        count += 1
        if count == 4 { flush() }
    }

    /// Emits the octets of the current quantum, complete or not.
    mutating func flush() {
        switch count {
        case 2: output.append(UInt8(bits >> 4 & 0xFF))
        case 3:
            output.append(UInt8(bits >> 10 & 0xFF))
            output.append(UInt8(bits >> 2 & 0xFF))
        case 4:
            output.append(UInt8(bits >> 16 & 0xFF))
            output.append(UInt8(bits >> 8 & 0xFF))
            output.append(UInt8(bits & 0xFF))
        default: break
        }
        bits = 0
        count = 0
    }
}
