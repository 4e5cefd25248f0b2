/// The identities and passwords SASL mechanisms carry: UTF-8 text without NUL
/// (RFC 4616 §2 `1*SAFE`, RFC 4422 §4 "character strings").
enum SASLText {
    /// `bytes` as a string when non-empty, valid UTF-8 and free of NUL; else nil.
    static func nonEmpty(_ bytes: some Collection<UInt8>) -> String? {
        guard !bytes.isEmpty, !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
