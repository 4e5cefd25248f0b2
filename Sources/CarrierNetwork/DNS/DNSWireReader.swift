/// A bounds-checked cursor over a whole DNS message. Every read either stays
/// inside the bytes or throws `DNSError.malformed`; names are decompressed
/// per RFC 1035 §4.1.4 with at most `DNSLimits.maxPointerJumps` jumps.
struct DNSWireReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func readUInt8() throws(DNSError) -> UInt8 {
        guard offset < bytes.count else { throw .malformed("truncated at offset \(offset)") }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func readUInt16() throws(DNSError) -> UInt16 {
        UInt16(try readUInt8()) << 8 | UInt16(try readUInt8())
    }

    mutating func readUInt32() throws(DNSError) -> UInt32 {
        UInt32(try readUInt16()) << 16 | UInt32(try readUInt16())
    }

    mutating func readBytes(_ count: Int) throws(DNSError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw .malformed("truncated at offset \(offset)") }
        offset += count
        return bytes[(offset - count)..<offset]
    }

    /// Reads a possibly compressed name, leaving the cursor after its first
    /// pointer or its root label.
    mutating func readName() throws(DNSError) -> String {
        var labels: [String] = [], wireLength = 1, jumps = 0
        var position = offset, resume: Int? = nil
        while true {
            guard position < bytes.count else { throw .malformed("name runs past the end") }
            let length = Int(bytes[position])
            switch length & 0xC0 {
            case 0xC0:
                guard position + 1 < bytes.count else { throw .malformed("truncated compression pointer") }
                jumps += 1
                guard jumps <= DNSLimits.maxPointerJumps else { throw .malformed("too many compression pointers") }
                if resume == nil { resume = position + 2 }
                position = (length & 0x3F) << 8 | Int(bytes[position + 1])
            case 0x00:
                if length == 0 {
                    offset = resume ?? position + 1
                    return labels.isEmpty ? DNSName.root : labels.joined(separator: ".")
                }
                wireLength += 1 + length
                guard wireLength <= DNSLimits.maxNameLength else { throw .malformed("name longer than 255 octets") }
                guard position + 1 + length <= bytes.count else { throw .malformed("label runs past the end") }
                labels.append(DNSName.presentation(label: bytes[(position + 1)...(position + length)]))
                position += 1 + length
            default:
                throw .malformed("reserved label type \(length >> 6)")
            }
        }
    }
}
