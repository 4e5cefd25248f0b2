import CarrierTesting
import MailCore
import Testing
@testable import IMAPProtocol

/// FETCH responses built from the MIME skeleton and cut around literals
/// the session sends itself (RFC 9051 §7.5.2, §4.3).
@Suite struct IMAPFetchPiecesTests {
    /// The pieces with each literal's octets between them are the
    /// response encoded whole, for every kind of message data.
    @Test(arguments: [false, true])
    func piecesAroundLiteralsMakeTheWholeResponse(utf8: Bool) {
        let first = Array("first literal\r\n".utf8)
        let second = Array(repeating: UInt8(ascii: "z"), count: 3_000)
        let items: [(IMAPFetchItem, IMAPFetchItem, [UInt8])] = [
            (.uid(7), .uid(7), []),
            (.bodySection(IMAPSection(), origin: 10, data: []), .bodySection(IMAPSection(), origin: 10, data: first), first),
            (.envelope(IMAPEnvelope(subject: "caf\u{E9}")), .envelope(IMAPEnvelope(subject: "caf\u{E9}")), []),
            (.rfc822([]), .rfc822(second), second),
            (.rfc822Text([]), .rfc822Text(first), first),
            (.bodySection(IMAPSection(part: [2], text: .mime), origin: nil, data: []),
             .bodySection(IMAPSection(part: [2], text: .mime), origin: nil, data: second), second),
            (.flags([IMAPFlag("\\Seen")!]), .flags([IMAPFlag("\\Seen")!]), []),
        ]
        let encoder = IMAPResponseEncoder(utf8: utf8)
        let streamed = [1: first.count, 3: second.count, 4: first.count, 5: second.count]
        let pieces = encoder.encodeFetch(42, items.map(\.0), literalSizes: streamed)
        #expect(pieces.count == streamed.count + 1)
        var joined = pieces[0]
        for (literal, piece) in zip([first, second, first, second], pieces.dropFirst()) { joined += literal + piece }
        #expect(joined == encoder.encode(.untagged(.fetch(42, items.map(\.1)))))
        #expect(encoder.encodeFetch(42, items.map(\.1), literalSizes: [:]) == [encoder.encode(.untagged(.fetch(42, items.map(\.1))))])
    }

    /// HEADER.FIELDS of a header longer than `MessageHeader.parse`
    /// examines reads only that much and the two octets after, yet picks
    /// the fields a parse of the whole part does (RFC 9051 §6.4.5).
    @Test func headerFieldsOfAHugeHeaderReadABoundedRange() throws {
        let filler = (0..<12_000).map { "X-Filler-\($0): yyyyyyyyyyyyyyyyyyyy\n" }.joined()
        let message = MIMECorpus.crlf("From: a@b.test\nSubject: early\n" + filler + "Subject: late\n\nbody\n")
        let skeleton = MIMESkeleton(MIMEPart.parse(message))
        let section = IMAPSection(text: .headerFields(["subject"]))
        let location = try #require(IMAPSectionExtractor.locate(section, in: skeleton))
        #expect(location.range == 0..<(MailCoreLimits.maxHeaderBytes + 2))
        let picked = IMAPSectionExtractor.extract(location, from: Array(message[location.range]))
        #expect(String(decoding: picked, as: UTF8.self) == "Subject: early\r\n\r\n")
        #expect(picked == IMAPSectionExtractor.extract(section, from: message, tree: MIMEPart.parse(message)))
    }

    /// BINARY (RFC 3516 §4.2): where the octets lie and whether they must
    /// be decoded, so a part sent as it is needs no reading for its size.
    @Test func binaryLocations() {
        let skeleton = MIMESkeleton(MIMEPart.parse(MIMECorpus.base64Attachments))
        guard case .success(let pdf) = IMAPBinaryDecoder.locate(part: [2], in: skeleton),
              case .success(let text) = IMAPBinaryDecoder.locate(part: [1], in: skeleton),
              case .success(let whole) = IMAPBinaryDecoder.locate(part: [], in: skeleton) else { Issue.record(); return }
        #expect(pdf.encoding == .base64 && pdf.sizeWithoutDecoding == nil && !pdf.isText)
        #expect(text.encoding == nil && text.sizeWithoutDecoding == 4)
        #expect(whole.range == 0..<MIMECorpus.base64Attachments.count)
        #expect(IMAPBinaryDecoder.locate(part: [9], in: skeleton) == .failure(.nonexistentPart))
        let forwarded = MIMESkeleton(MIMEPart.parse(MIMECorpus.forwarded))
        #expect(IMAPBinaryDecoder.locate(part: [2], in: forwarded) == .failure(.notALeafPart))
    }
}
