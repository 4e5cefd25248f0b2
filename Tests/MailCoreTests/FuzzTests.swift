import CarrierTesting
import Testing
@testable import MailCore

/// Seeded pseudo-random inputs: every parser must return, whatever it gets.
@Suite struct FuzzTests {
    static let seeds: [UInt64] = Array(1...300)

    /// Octets drawn mostly from the characters that drive the grammars.
    private static func input(seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("\r\n\t :;,<>@\"()[]\\=?-_.*'%/abB qQ09".utf8)
        let count = Int.random(in: 0...2_000, using: &generator)
        return (0..<count).map { _ in
            Bool.random(using: &generator)
                ? alphabet.randomElement(using: &generator)!
                : UInt8.random(in: 0...255, using: &generator)
        }
    }

    @Test(arguments: seeds)
    func randomBytesNeverCrash(seed: UInt64) {
        let bytes = Self.input(seed: seed)
        let text = String(decoding: bytes, as: UTF8.self)
        let header = MessageHeader.parse(bytes)
        #expect(header.bodyOffset <= bytes.count)
        #expect(header.headerByteCount <= header.bodyOffset)
        let root = MIMEPart.parse(bytes)
        var stack = [root]
        while let part = stack.popLast() {
            #expect(part.bodyRange.upperBound <= bytes.count)
            _ = part.decodedBody(in: bytes)
            stack += part.children
        }
        _ = AddressList.parse(text)
        _ = RFC5322Date.parse(text)
        _ = EncodedWord.decode(text)
        _ = TransferEncoding.decodeQuotedPrintable(bytes)
        #expect(TransferEncoding.decodeBase64(Array(TransferEncoding.encodeBase64(bytes).utf8)) == bytes)
        #expect(EncodedWord.decode(EncodedWord.encode(text)) == text)
    }

    /// A valid multipart message with random octets overwritten.
    @Test(arguments: seeds)
    func mutatedMessagesNeverCrash(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var bytes = MIMEPartTests.nested
        for _ in 0..<Int.random(in: 1...20, using: &generator) {
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
        }
        let root = MIMEPart.parse(bytes)
        #expect(root.bodyRange.upperBound == bytes.count)
        var stack = [root]
        while let part = stack.popLast() {
            #expect(part.headerRange.upperBound <= part.bodyRange.lowerBound)
            stack += part.children
        }
    }
}
