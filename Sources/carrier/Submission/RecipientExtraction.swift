import MailCore

/// `sendmail -t`: the recipients named in To, Cc and Bcc, and the message
/// with its Bcc fields removed (RFC 5322 §3.6.3: Bcc is not passed on).
enum RecipientExtraction {
    static func extract(_ message: [UInt8]) -> (recipients: [String], message: [UInt8]) {
        let header = MessageHeader.parse(message)
        var recipients: [String] = []
        for name in ["to", "cc", "bcc"] {
            for field in header.fields(named: name) {
                for address in AddressList.parse(field.value) where !address.localPart.isEmpty {
                    recipients.append(address.addressString)
                }
            }
        }
        let bccRanges = header.fields(named: "bcc").map(\.byteRange)
        guard !bccRanges.isEmpty else { return (recipients, message) }
        var kept: [UInt8] = []
        kept.reserveCapacity(message.count)
        var position = 0
        for range in bccRanges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            kept.append(contentsOf: message[position..<range.lowerBound])
            position = range.upperBound
        }
        kept.append(contentsOf: message[position...])
        return (recipients, kept)
    }
}
