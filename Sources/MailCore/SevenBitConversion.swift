/// Makes an 8-bit message fit a 7-bit path, for an SMTP server that did not
/// announce 8BITMIME (RFC 6152 §3: "a gateway transformation to convert the
/// message into valid 7-bit MIME"), as Postfix does.
///
/// Every leaf part whose body has octets above 127 and whose
/// Content-Transfer-Encoding is 7bit, 8bit or absent is re-encoded as
/// quoted-printable (RFC 2045 §6.7) and its header says so. Multipart
/// structure, boundaries, preambles and epilogues are kept octet for octet;
/// message/rfc822 parts are converted inside (RFC 2045 §6.4 forbids encoding
/// a composite part), and a composite part labelled 8bit is relabelled 7bit
/// once nothing 8-bit is left in it. A message that was not MIME gets
/// `MIME-Version: 1.0` (RFC 2045 §4). Header fields with 8-bit octets,
/// binary parts and parts in unknown encodings cannot be converted and are
/// left as they are; the result then says it is still 8-bit.
public enum SevenBitConversion {
    /// The message after conversion, and whether it is 7-bit now.
    public struct Result: Sendable, Equatable {
        /// The converted message; the input itself when nothing changed.
        public var message: [UInt8]
        /// No octet above 127 is left.
        public var isSevenBit: Bool

        public init(message: [UInt8], isSevenBit: Bool) {
            self.message = message
            self.isSevenBit = isSevenBit
        }
    }

    /// Converts a message whose lines end in CRLF. A message without 8-bit
    /// octets is returned unchanged without being parsed.
    public static func convert(_ message: [UInt8]) -> Result {
        guard message.contains(where: isEightBit) else { return Result(message: message, isSevenBit: true) }
        let converter = SevenBitPartConverter(source: message)
        let converted = converter.convert(MIMEPart.parse(message), isMessage: true) ?? message
        return Result(message: converted, isSevenBit: !converted.contains(where: isEightBit))
    }

    static func isEightBit(_ byte: UInt8) -> Bool {
        byte >= 0x80
    }
}
