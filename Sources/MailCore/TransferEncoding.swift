/// Content-Transfer-Encoding codecs (RFC 2045 §6): base64 (§6.8) and
/// quoted-printable (§6.7). The decoders accept damaged input, never fail,
/// and run in linear time.
public enum TransferEncoding {
    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The 6-bit value of each base64 alphabet octet, 0xFF for the others.
    static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in base64Alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()
}
