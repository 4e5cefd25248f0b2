import CarrierTesting
import Foundation
import GRDB
import IMAPProtocol
import Ingress
import MailCore
import Testing
@testable import CarrierStore
@testable import MailboxAccess

/// FETCH answers from the MIME skeletons stored with the bodies and from
/// the octets each item names, exactly as parsing the whole message
/// answers (RFC 9051 §6.4.5, §7.5.2, RFC 3516 §4.2), and sends a large
/// literal a piece per step.
@Suite struct IMAPFetchFromSkeletonTests {
    /// Each attribute as a client writes it and as the parser reads it,
    /// edge cases of RFC 9051 §6.4.5 among them: parts that do not exist
    /// (NIL), MIME of part 1 of a single-part message (its header), HEADER
    /// of a part that is no message/rfc822 (NIL), partials running past the
    /// end (cut) or starting past it (empty); and of RFC 3516 §4.2: BINARY
    /// of a multipart (NIL) and of every transfer encoding.
    static let attributes: [(text: String, attribute: IMAPFetchAttribute)] = {
        func section(_ path: [Int], _ text: IMAPSectionText? = nil, _ partial: IMAPPartial? = nil) -> IMAPFetchAttribute {
            .bodySection(IMAPSection(part: path, text: text), partial: partial, peek: true)
        }
        return [
            ("ENVELOPE", .envelope), ("BODYSTRUCTURE", .bodyStructure), ("BODY", .body), ("RFC822.SIZE", .rfc822Size),
            ("RFC822", .rfc822), ("RFC822.HEADER", .rfc822Header), ("RFC822.TEXT", .rfc822Text),
            ("BODY.PEEK[]", section([])), ("BODY.PEEK[HEADER]", section([], .header)), ("BODY.PEEK[TEXT]", section([], .text)),
            ("BODY.PEEK[1]", section([1])), ("BODY.PEEK[1.MIME]", section([1], .mime)), ("BODY.PEEK[2]", section([2])),
            ("BODY.PEEK[2.MIME]", section([2], .mime)), ("BODY.PEEK[2.HEADER]", section([2], .header)),
            ("BODY.PEEK[2.TEXT]", section([2], .text)), ("BODY.PEEK[1.1]", section([1, 1])), ("BODY.PEEK[1.2.2]", section([1, 2, 2])),
            ("BODY.PEEK[1.2.1.MIME]", section([1, 2, 1], .mime)), ("BODY.PEEK[2.1]", section([2, 1])), ("BODY.PEEK[3]", section([3])),
            ("BODY.PEEK[1.1.1]", section([1, 1, 1])), ("BODY.PEEK[2.1.HEADER]", section([2, 1], .header)),
            ("BODY.PEEK[HEADER.FIELDS (From Subject CONTENT-TYPE)]", section([], .headerFields(["From", "Subject", "CONTENT-TYPE"]))),
            ("BODY.PEEK[HEADER.FIELDS.NOT (Subject)]", section([], .headerFieldsNot(["Subject"]))),
            ("BODY.PEEK[2.HEADER.FIELDS (Subject)]", section([2], .headerFields(["Subject"]))),
            ("BODY.PEEK[]<0.20>", section([], nil, IMAPPartial(offset: 0, length: 20))),
            ("BODY.PEEK[TEXT]<5.100>", section([], .text, IMAPPartial(offset: 5, length: 100))),
            ("BODY.PEEK[1]<3.1000000>", section([1], nil, IMAPPartial(offset: 3, length: 1_000_000))),
            ("BODY.PEEK[TEXT]<100000000.10>", section([], .text, IMAPPartial(offset: 100_000_000, length: 10))),
            ("BODY.PEEK[HEADER.FIELDS (From)]<2.5>", section([], .headerFields(["From"]), IMAPPartial(offset: 2, length: 5))),
            ("BINARY.PEEK[]", .binary(part: [], partial: nil, peek: true)), ("BINARY.PEEK[1]", .binary(part: [1], partial: nil, peek: true)),
            ("BINARY.PEEK[2]", .binary(part: [2], partial: nil, peek: true)), ("BINARY.PEEK[4]", .binary(part: [4], partial: nil, peek: true)),
            ("BINARY.PEEK[1.2.2]", .binary(part: [1, 2, 2], partial: nil, peek: true)),
            ("BINARY.PEEK[2]<2.3>", .binary(part: [2], partial: IMAPPartial(offset: 2, length: 3), peek: true)),
            ("BINARY.PEEK[1]<1.4>", .binary(part: [1], partial: IMAPPartial(offset: 1, length: 4), peek: true)),
            ("BINARY.SIZE[1]", .binarySize(part: [1])), ("BINARY.SIZE[2]", .binarySize(part: [2])),
            ("BINARY.SIZE[4]", .binarySize(part: [4])), ("BINARY.SIZE[2.1]", .binarySize(part: [2, 1])),
        ]
    }()

    static func attribute(_ text: String) -> (text: String, attribute: IMAPFetchAttribute) {
        attributes.first { $0.text == text }!
    }

    /// What the server answered before skeletons, when it parsed the whole
    /// message for every item: nil for NO [UNKNOWN-CTE].
    static func reference(_ attribute: IMAPFetchAttribute, of content: [UInt8], utf8: Bool) -> IMAPFetchItem? {
        let tree = MIMEPart.parse(content)
        func partial(_ data: [UInt8], _ partial: IMAPPartial?) -> [UInt8] {
            partial.map { Array($0.apply(to: data)) } ?? data
        }
        switch attribute {
        case .envelope: return .envelope(IMAPEnvelope(header: MessageHeader.parse(content), utf8: utf8))
        case .bodyStructure: return .bodyStructure(IMAPBodyStructure(tree, utf8: utf8))
        case .body: return .body(IMAPBodyStructure(tree, utf8: utf8))
        case .rfc822Size: return .rfc822Size(content.count)
        case .rfc822: return .rfc822(content)
        case .rfc822Header: return .rfc822Header(IMAPSectionExtractor.extract(IMAPSection(text: .header), from: content, tree: tree))
        case .rfc822Text: return .rfc822Text(IMAPSectionExtractor.extract(IMAPSection(text: .text), from: content, tree: tree))
        case .bodySection(let section, let range, _):
            let data = IMAPSectionExtractor.extract(section, from: content, tree: tree)
            return .bodySection(section, origin: range?.offset, data: data.map { partial($0, range) })
        case .binary(let part, let range, _):
            switch IMAPBinaryDecoder.decode(part: part, from: content, tree: tree) {
            case .success(let data): return .binary(part: part, origin: range?.offset, data: partial(data, range))
            case .failure(.unknownTransferEncoding): return nil
            case .failure: return .binary(part: part, origin: range?.offset, data: nil)
            }
        case .binarySize(let part):
            switch IMAPBinaryDecoder.decode(part: part, from: content, tree: tree) {
            case .success(let data): return .binarySize(part: part, size: data.count)
            case .failure(.unknownTransferEncoding): return nil
            case .failure: return .binarySize(part: part, size: 0)
            }
        default: return nil
        }
    }

    static func send(_ client: IMAPTestClient, _ line: String) async -> [UInt8] {
        await IMAPTestClient.steps(client.connection.receive(Array((line + "\r\n").utf8))).octets
    }

    /// The corpus in alice's INBOX, in order, and a client that examined it
    /// (read-only, so no FETCH sets \Seen), UTF-8 enabled or not.
    static func corpusServer(utf8: Bool, withoutSkeletons: Bool = false) async throws -> (IMAPTestServer, IMAPTestClient) {
        let server = try await IMAPTestServer()
        for (number, message) in MIMECorpus.all.enumerated() { try await server.deliver(raw: message.octets, queueID: "C\(number)") }
        if withoutSkeletons { try await server.store.pool.write { db in try db.execute(sql: "UPDATE bodies SET skeleton = NULL") } }
        let client = await server.connect()
        _ = await client.login()
        if utf8 { _ = await client.command("e1 ENABLE UTF8=ACCEPT") }
        _ = await client.command("s1 EXAMINE INBOX")
        return (server, client)
    }

    func expectSameAnswers(utf8: Bool, withoutSkeletons: Bool) async throws {
        let (server, client) = try await Self.corpusServer(utf8: utf8, withoutSkeletons: withoutSkeletons)
        let encoder = IMAPResponseEncoder(utf8: utf8)
        for (index, message) in MIMECorpus.all.enumerated() {
            for (text, attribute) in Self.attributes {
                let expected = Self.reference(attribute, of: message.octets, utf8: utf8).map { encoder.encode(.untagged(.fetch(UInt32(index + 1), [$0]))) }
                    .map { $0 + Array("f1 OK FETCH completed\r\n".utf8) } ?? Array("f1 NO [UNKNOWN-CTE] Unknown Content-Transfer-Encoding\r\n".utf8)
                let answer = await Self.send(client, "f1 FETCH \(index + 1) (\(text))")
                #expect(answer == expected, "\(message.name) \(text): \(String(decoding: answer.prefix(400), as: UTF8.self))")
            }
        }
        withExtendedLifetime(server) {}
    }

    @Test(arguments: [false, true])
    func answersAreThoseOfTheWholeMessageParse(utf8: Bool) async throws {
        try await expectSameAnswers(utf8: utf8, withoutSkeletons: false)
    }

    /// Bodies stored before skeletons existed answer the same; their
    /// skeletons are made on the way and written back.
    @Test func bodiesWithoutSkeletonsAnswerTheSame() async throws {
        try await expectSameAnswers(utf8: false, withoutSkeletons: true)
        let (server, client) = try await Self.corpusServer(utf8: false, withoutSkeletons: true)
        _ = await client.command("f1 FETCH 1:* (BODYSTRUCTURE)")
        let missing = try await server.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bodies WHERE skeleton IS NULL") }
        #expect(missing == 0)
    }

    /// One FETCH over the whole mailbox, items of many kinds together,
    /// answers as the messages one by one.
    @Test func aFetchOfManyMessagesAnswersEachAsAlone() async throws {
        let (server, client) = try await Self.corpusServer(utf8: false)
        let encoder = IMAPResponseEncoder()
        let chosen = ["ENVELOPE", "BODYSTRUCTURE", "BODY", "RFC822.SIZE", "BODY.PEEK[1]", "BODY.PEEK[HEADER.FIELDS.NOT (Subject)]",
                      "BODY.PEEK[]<0.20>", "BINARY.PEEK[1]", "BINARY.SIZE[2]"].map(Self.attribute)
        var expected: [UInt8] = []
        for (index, message) in MIMECorpus.all.enumerated() {
            let items = chosen.compactMap { Self.reference($0.attribute, of: message.octets, utf8: false) }
            expected += encoder.encode(.untagged(.fetch(UInt32(index + 1), items)))
        }
        let answer = await Self.send(client, "f1 FETCH 1:* (\(chosen.map(\.text).joined(separator: " ")))")
        #expect(answer == expected + Array("f1 OK FETCH completed\r\n".utf8))
        withExtendedLifetime(server) {}
    }

    /// A message of `size` octets or a little more, every line different.
    static func large(_ size: Int) -> [UInt8] {
        MIMECorpus.large(size, header: "From: a@b.test\r\nSubject: large\r\nContent-Type: multipart/mixed; boundary=big\r\n\r\n"
                                   + "--big\r\nContent-Type: text/plain\r\n\r\n", trailer: "--big--\r\n")
    }

    /// RFC 9051 §6.4.5: BODY[] of a message kept in a file goes out as one
    /// literal over several steps, none much over the output budget.
    @Test func aLargeLiteralGoesOutInPieces() async throws {
        let server = try await IMAPTestServer()
        let content = Self.large(3_500_000)
        try await server.deliver(raw: content, queueID: "L1")
        let client = await server.selectedClient()
        let (sizes, octets) = await IMAPTestClient.steps(client.connection.receive(Array("f1 FETCH 1 (UID BODY.PEEK[] RFC822.SIZE)\r\n".utf8)))
        #expect(sizes.count >= 4)
        #expect(sizes.allSatisfy { $0 <= IMAPConnection.outputBudget + 1_024 })
        let items: [IMAPFetchItem] = [.uid(1), .bodySection(IMAPSection(), origin: nil, data: content), .rfc822Size(content.count)]
        #expect(octets == IMAPResponseEncoder().encode(.untagged(.fetch(1, items))) + Array("f1 OK FETCH completed\r\n".utf8))
    }

    /// Two large literals in one response and in two messages, partial
    /// ranges among them, and the client's \Seen set by RFC822.TEXT.
    @Test func severalLargeLiteralsInOneFetch() async throws {
        let server = try await IMAPTestServer()
        let first = Self.large(1_500_000)
        let second = Self.large(2_600_000)
        try await server.deliver(raw: first, queueID: "L1")
        try await server.deliver(raw: second, queueID: "L2")
        let client = await server.selectedClient()
        let command = "f1 FETCH 1:2 (BODY.PEEK[1] RFC822.TEXT BODY.PEEK[]<1000.2000000>)\r\n"
        let (sizes, octets) = await IMAPTestClient.steps(client.connection.receive(Array(command.utf8)))
        #expect(sizes.allSatisfy { $0 <= IMAPConnection.outputBudget + 1_024 })
        var expected: [UInt8] = []
        for (number, content) in [first, second].enumerated() {
            let items = [Self.attribute("BODY.PEEK[1]").attribute, .rfc822Text, .bodySection(IMAPSection(), partial: IMAPPartial(offset: 1_000, length: 2_000_000), peek: true)]
                .compactMap { Self.reference($0, of: content, utf8: false) } + [.flags([IMAPFlag("\\Seen")!])]
            expected += IMAPResponseEncoder().encode(.untagged(.fetch(UInt32(number + 1), items)))
        }
        #expect(octets == expected + Array("f1 OK FETCH completed\r\n".utf8))
    }

    /// A partial fetch reads only its range: with the body file grown
    /// (sparse) far beyond memory, `BODY[]<o.n>` of the message still
    /// answers at once with its n octets.
    @Test func aPartialFetchOfALargeMessageReadsItsRange() async throws {
        let server = try await IMAPTestServer()
        let content = Self.large(3_200_000)
        try await server.deliver(raw: content, queueID: "L1")
        let path = server.store.bodyFiles.path(for: SQLiteMailStore.contentHash(content))
        #expect(truncate(path, 16 << 30) == 0)
        let client = await server.selectedClient()
        let answer = await Self.send(client, "f1 FETCH 1 (BODY.PEEK[]<3000000.1000> BINARY.SIZE[1] BODY.PEEK[1.MIME])")
        let items: [IMAPFetchItem] = [
            .bodySection(IMAPSection(), origin: 3_000_000, data: Array(content[3_000_000..<3_001_000])),
            Self.reference(.binarySize(part: [1]), of: content, utf8: false)!,
            Self.reference(Self.attribute("BODY.PEEK[1.MIME]").attribute, of: content, utf8: false)!,
        ]
        #expect(answer == IMAPResponseEncoder().encode(.untagged(.fetch(1, items))) + Array("f1 OK FETCH completed\r\n".utf8))
    }

    /// A literal already begun is finished even if the body is collected
    /// meanwhile (its last message expunged by another session): the open
    /// body keeps its octets.
    @Test func aLiteralSurvivesCollectionOfItsBody() async throws {
        let server = try await IMAPTestServer()
        let content = Self.large(2_500_000)
        try await server.deliver(raw: content, queueID: "L1")
        let client = await server.selectedClient()
        let first = client.connection.receive(Array("f1 FETCH 1 BODY.PEEK[]\r\n".utf8))
        var step = try #require(await first.next?())
        #expect(unlink(server.store.bodyFiles.path(for: SQLiteMailStore.contentHash(content))) == 0)
        var octets = first.output.bytes + step.output.bytes
        while let next = step.next {
            step = await next()
            octets += step.output.bytes
        }
        let expected = IMAPResponseEncoder().encode(.untagged(.fetch(1, [.bodySection(IMAPSection(), origin: nil, data: content)])))
        #expect(octets == expected + Array("f1 OK FETCH completed\r\n".utf8))
    }
}

extension IMAPTestServer {
    /// Delivers `raw` octets into alice's INBOX as they are.
    func deliver(raw: [UInt8], queueID: String) async throws {
        deliveries += 1
        let batch = DeliveryBatch(queueID: queueID, sender: "bob@example.test", content: raw, metadata: MessageMetadata(),
                                  arrival: 760_000_000 + Int64(deliveries), localCopies: [.init(userID: alice.id, recipient: "alice")])
        _ = try await store.deliver(batch)
    }
}
