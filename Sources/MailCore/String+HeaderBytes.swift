extension String {
    /// Header octets as text: UTF-8 when valid (RFC 6532 §3.2), otherwise each
    /// octet as the Latin-1 code point of the same value, so nothing is lost.
    init(headerBytes bytes: some Collection<UInt8>) {
        if let text = String(validating: bytes, as: UTF8.self) {
            self = text
        } else {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            self = String(scalars)
        }
    }
}
