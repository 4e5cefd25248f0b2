import CarrierTesting
import Testing
@testable import MailCore

/// The MIME skeleton stored beside each body: it describes the parse
/// exactly, survives its stored form unchanged, and refuses corrupt
/// stored forms instead of trusting them.
@Suite struct MIMESkeletonTests {
    static let corpus = MIMECorpus.all.map(\.name)

    static func octets(_ name: String) -> [UInt8] {
        MIMECorpus.all.first { $0.name == name }!.octets
    }

    /// Every field of the skeleton is what the parse found, part by part.
    func expectDescribes(_ skeleton: MIMESkeleton, _ part: MIMEPart, isMessage: Bool, _ name: String) {
        #expect(skeleton.headerRange == part.headerRange, "\(name)")
        #expect(skeleton.bodyRange == part.bodyRange, "\(name)")
        #expect(skeleton.bodyLineCount == part.bodyLineCount, "\(name)")
        #expect(skeleton.contentType == part.contentType, "\(name)")
        #expect(skeleton.contentTransferEncoding == part.contentTransferEncoding, "\(name)")
        #expect(skeleton.contentID == part.contentID, "\(name)")
        #expect(skeleton.rawContentDescription == part.header["content-description"], "\(name)")
        #expect(skeleton.contentMD5 == part.header["content-md5"], "\(name)")
        #expect(skeleton.contentLanguage == part.header["content-language"], "\(name)")
        #expect(skeleton.contentLocation == part.header["content-location"], "\(name)")
        #expect(skeleton.contentDisposition == part.contentDisposition, "\(name)")
        #expect(skeleton.envelope == (isMessage ? MessageEnvelopeFields(part.header) : nil), "\(name)")
        #expect(skeleton.children.count == part.children.count, "\(name)")
        for (child, childPart) in zip(skeleton.children, part.children) {
            expectDescribes(child, childPart, isMessage: part.contentType.isEncapsulatedMessage, name)
        }
    }

    @Test(arguments: corpus)
    func describesTheParse(name: String) {
        let part = MIMEPart.parse(Self.octets(name))
        expectDescribes(MIMESkeleton(part), part, isMessage: true, name)
    }

    @Test(arguments: corpus)
    func storedFormRoundTrips(name: String) {
        let skeleton = MIMESkeleton(MIMEPart.parse(Self.octets(name)))
        let stored = skeleton.encoded()
        #expect(MIMESkeleton(encoded: stored) == skeleton)
        #expect(MIMESkeleton(encoded: stored)?.encoded() == stored)
    }

    /// The stored form is small beside the message: offsets are relative,
    /// and only the fields used are kept.
    @Test func storedFormIsCompact() {
        let plain = MIMESkeleton(MIMEPart.parse(MIMECorpus.plain)).encoded()
        #expect(plain.count < 330)
        let many = MIMESkeleton(MIMEPart.parse(MIMECorpus.manyAttachments)).encoded()
        #expect(many.count < MIMECorpus.manyAttachments.count)
    }

    @Test func envelopeOnlyOnMessages() throws {
        let skeleton = MIMESkeleton(MIMEPart.parse(MIMECorpus.forwarded))
        #expect(skeleton.envelope?.subject == "Fwd: inner")
        #expect(skeleton.children[0].envelope == nil)
        #expect(skeleton.children[1].envelope == nil)
        let inner = try #require(skeleton.children[1].encapsulatedMessage)
        #expect(inner.envelope?.from == "Inner Sender <inner@c.test>")
        #expect(inner.envelope?.to == "undisclosed-recipients:;")
        #expect(inner.children.allSatisfy { $0.envelope == nil })
    }

    /// Every strict prefix of a stored form is refused, and so are a wrong
    /// version and trailing octets. Forms over 2 KiB (the 15 KB one of many
    /// attachments repeats one part's fields) are cut at every length of
    /// their first 2 KiB and last 256 octets and at every 97th in between,
    /// which keeps the test from holding a test thread for seconds.
    @Test(arguments: corpus)
    func truncatedOrExtendedFormsAreRefused(name: String) {
        let stored = MIMESkeleton(MIMEPart.parse(Self.octets(name))).encoded()
        let cuts = Set(0..<min(stored.count, 2048))
            .union(max(0, stored.count - 256)..<stored.count)
            .union(stride(from: 0, to: stored.count, by: 97))
        let accepted = cuts.sorted().filter { MIMESkeleton(encoded: Array(stored.prefix($0))) != nil }
        #expect(accepted.isEmpty, "\(name) accepted when cut at \(accepted)")
        #expect(MIMESkeleton(encoded: stored + [0]) == nil)
        #expect(MIMESkeleton(encoded: [2] + stored.dropFirst()) == nil)
    }

    /// Random damage never crashes the decoder, and whatever it accepts
    /// keeps every part inside its parent's body.
    @Test func damagedFormsAreRefusedOrConsistent() {
        var random = SplitMix64(seed: 0x5EE1)
        let forms = MIMECorpus.all.map { MIMESkeleton(MIMEPart.parse($0.octets)).encoded() }
        for _ in 0..<3_000 {
            var form = forms.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<form.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: form[index] = UInt8.random(in: 0...255, using: &random)
                case 1: form.remove(at: index)
                default: form.insert(UInt8.random(in: 0...255, using: &random), at: index)
                }
            }
            if let skeleton = MIMESkeleton(encoded: form) { expectNested(skeleton) }
        }
    }

    func expectNested(_ part: MIMESkeleton) {
        #expect(part.headerRange.upperBound <= part.bodyRange.lowerBound)
        for child in part.children {
            #expect(child.headerRange.lowerBound >= part.bodyRange.lowerBound && child.bodyRange.upperBound <= part.bodyRange.upperBound)
            expectNested(child)
        }
    }

    /// Counts far beyond the input, varints that never end, and nesting
    /// past the hard depth limit are refused at once.
    @Test func hostileFormsAreRefused() {
        var huge = MIMESkeletonWriter()
        huge.byte(1)
        for _ in 0..<5 { huge.integer(0) }
        for text in ["text", "plain"] { huge.string(text) }
        huge.integer(1 << 40)
        #expect(MIMESkeleton(encoded: huge.bytes) == nil)
        #expect(MIMESkeleton(encoded: [1] + [UInt8](repeating: 0xFF, count: 64)) == nil)
        #expect(MIMESkeleton(encoded: [1, 0, 0, 0, 0, 0, 200, 1]) == nil)

        var deep = MIMESkeleton(headerRange: 0..<0, bodyRange: 0..<0, bodyLineCount: 0, contentType: .textPlain)
        for _ in 0...MailCoreLimits.hardMaxMIMEDepth {
            deep = MIMESkeleton(headerRange: 0..<0, bodyRange: 0..<0, bodyLineCount: 0,
                                contentType: MIMEContentType(type: "multipart", subtype: "mixed"), children: [deep])
        }
        #expect(MIMESkeleton(encoded: deep.encoded()) == nil)
    }

    /// A string that is not UTF-8 is corruption, not text.
    @Test func invalidUTF8IsRefused() {
        let skeleton = MIMESkeleton(headerRange: 0..<0, bodyRange: 0..<1, bodyLineCount: 1, contentType: .textPlain)
        var stored = skeleton.encoded()
        let type = stored.firstIndex(of: UInt8(ascii: "t"))!
        stored[type] = 0xFF
        #expect(MIMESkeleton(encoded: stored) == nil)
    }
}
