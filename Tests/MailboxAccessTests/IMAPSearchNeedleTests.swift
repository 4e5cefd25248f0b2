import CarrierStore
import CarrierTesting
@testable import MailboxAccess
import Testing

/// The octet scan behind BODY and TEXT, against a plain reference, and how
/// SEARCH cuts a mailbox into batches of bodies.
@Suite struct IMAPSearchNeedleTests {
    static func scan(_ needle: String, _ haystack: String) -> IMAPSearchNeedle.Scan {
        Array(haystack.utf8).withUnsafeBufferPointer(IMAPSearchNeedle(needle).scan)
    }

    @Test func findsAnywhereIgnoringASCIICase() {
        #expect(Self.scan("needle", "needle") == .found)
        #expect(Self.scan("needle", "NeEdLe at the start") == .found)
        #expect(Self.scan("needle", String(repeating: "x", count: 15) + "NEEDLE") == .found)
        #expect(Self.scan("needle", String(repeating: "x", count: 16) + "needle" + String(repeating: "y", count: 40)) == .found)
        #expect(Self.scan("n", String(repeating: "x", count: 100) + "N") == .found)
        #expect(Self.scan("a@b", "mail A@B here") == .found)
        #expect(Self.scan("", "anything") == .found)
        #expect(Self.scan("", "") == .found)
    }

    @Test func absentOnlyWhenEveryOctetIsASCII() {
        #expect(Self.scan("needle", "") == .absent)
        #expect(Self.scan("needle", "need") == .absent)
        #expect(Self.scan("needle", String(repeating: "needl", count: 20)) == .absent)
        // `@` and `` ` `` differ only in the bit that folds letters: not the same octet.
        #expect(Self.scan("a@b", "a`b") == .absent)
        #expect(Self.scan("needle", String(repeating: "x", count: 40) + "caf\u{e9}") == .undecided)
        #expect(Self.scan("needle", "\u{e9}") == .undecided)
        #expect(Self.scan("n\u{e9}edle", "n\u{e9}edle") == .undecided)
    }

    @Test func agreesWithAPlainSearchOnRandomText() {
        var random = SplitMix64(seed: 6)
        let alphabet = Array("abAB-\r\n".utf8)
        for _ in 0..<2_000 {
            let haystack = (0..<Int.random(in: 0...70, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let needle = (0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let folded = { (bytes: [UInt8]) in bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
            let expected = haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { start in
                folded(Array(haystack[start..<(start + needle.count)])) == folded(needle)
            }
            let scanned = haystack.withUnsafeBufferPointer(IMAPSearchNeedle(String(decoding: needle, as: UTF8.self)).scan)
            #expect(scanned == (expected ? .found : .absent), "\(haystack) \(needle)")
        }
    }

    @Test func textComparisonIgnoresCaseAndDiacritics() {
        #expect(IMAPSearchNeedle("GR\u{dc}SSE").isFound(inText: "viele gr\u{fc}sse"))
        #expect(IMAPSearchNeedle("cafe").isFound(inText: "Caf\u{e9} au lait"))
        #expect(!IMAPSearchNeedle("tea").isFound(inText: "Caf\u{e9} au lait"))
    }

    @Test func batchesAreBoundedByBytes() {
        let sizes = [3, 3, 3, 10, 1, 1, 4]
        let messages = sizes.enumerated().map { index, size in
            IMAPMessageEntry(MessageRecord(mailboxID: 1, uid: Int64(index + 1), modSeq: 1, flags: [], internalDate: 0, size: size,
                                           bodyHash: String(repeating: "0", count: 64), queueID: nil))
        }
        #expect(IMAPSearchBodyReader.batches(messages, byteLimit: 6) == [0..<2, 2..<3, 3..<4, 4..<7])
        #expect(IMAPSearchBodyReader.batches(messages, byteLimit: 100) == [0..<7])
        #expect(IMAPSearchBodyReader.batches([], byteLimit: 6).isEmpty)
    }
}
