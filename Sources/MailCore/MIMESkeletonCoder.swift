/// Writes the primitives of `MIMESkeleton`'s stored form: unsigned
/// integers as LEB128 varints, strings as a length and their UTF-8 octets,
/// optional strings with 0 for nil and length + 1 otherwise.
struct MIMESkeletonWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func integer(_ value: Int) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        guard let value else { return integer(0) }
        integer(value.utf8.count + 1)
        bytes.append(contentsOf: value.utf8)
    }
}

/// Reads what `MIMESkeletonWriter` wrote, refusing anything malformed:
/// each read returns nil past the end, for a varint longer than
/// `maxVarintBytes`, a length beyond the remaining octets, or a string
/// that is not UTF-8. Never reads outside the input, never allocates more
/// than the input's size.
struct MIMESkeletonReader {
    /// 7 octets of 7 bits: values below 2^49, so sums of a few never overflow.
    static let maxVarintBytes = 7

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool {
        position == bytes.count
    }

    /// Octets not read yet: no count read may exceed them.
    var remaining: Int {
        bytes.count - position
    }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func integer() -> Int? {
        var value = 0
        for index in 0..<Self.maxVarintBytes {
            guard let byte = byte() else { return nil }
            value |= Int(byte & 0x7F) << (7 * index)
            if byte < 0x80 { return value }
        }
        return nil
    }

    mutating func string() -> String? {
        guard let count = integer() else { return nil }
        return text(count)
    }

    /// Some(nil) for an absent string, nil when malformed.
    mutating func optionalString() -> String?? {
        guard let tag = integer() else { return nil }
        guard tag > 0 else { return .some(nil) }
        guard let value = text(tag - 1) else { return nil }
        return .some(value)
    }

    private mutating func text(_ count: Int) -> String? {
        guard count <= remaining else { return nil }
        defer { position += count }
        return String(validating: bytes[position..<(position + count)], as: UTF8.self)
    }
}
