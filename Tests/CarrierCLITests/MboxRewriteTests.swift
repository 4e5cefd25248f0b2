import Foundation
import MailCore
import Testing
@testable import carrier

@Suite struct MboxRewriteTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func statusGoesAtTheEndOfTheHeader() {
        let entry = Array("From a@b  Sun Nov 29 09:41:18 2026\nSubject: s\n\nbody\n\n".utf8)
        #expect(text(StatusField.set("RO", in: entry)) == "From a@b  Sun Nov 29 09:41:18 2026\nSubject: s\nStatus: RO\n\nbody\n\n")
    }

    @Test func existingStatusFieldsAreReplaced() {
        let entry = Array("From a@b  Sun Nov 29 09:41:18 2026\nStatus: O\nSubject: s\nStatus: U\n\nStatus: body line\n\n".utf8)
        #expect(text(StatusField.set("RO", in: entry))
            == "From a@b  Sun Nov 29 09:41:18 2026\nSubject: s\nStatus: RO\n\nStatus: body line\n\n")
    }

    @Test func messageWithoutHeaderOrBody() {
        #expect(text(StatusField.set("O", in: Array("From a@b  Sun Nov 29 09:41:18 2026\n\nbody\n".utf8)))
            == "From a@b  Sun Nov 29 09:41:18 2026\nStatus: O\n\nbody\n")
        #expect(text(StatusField.set("O", in: Array("From a@b  Sun Nov 29 09:41:18 2026\nSubject: s".utf8)))
            == "From a@b  Sun Nov 29 09:41:18 2026\nSubject: s\nStatus: O\n")
    }

    @Test func deletedMessagesGoAndTheRestKeepTheirBytes() {
        let original = Array(MailFixtures.twoMessageMbox.utf8)
        let entries = MboxReader.read(original)
        let kept = text(MboxRewrite.render(original, entries: entries, dispositions: [.keep(read: true), .delete]))
        #expect(kept == """
            From alice@example.test  Sun Nov 29 09:41:18 2026
            From: Alice <alice@example.test>
            To: carol@example.test
            Subject: Lunch on Friday
            Message-ID: <lunch@example.test>
            Status: RO

            Shall we?
            >From the kitchen.


            """)
        let both = text(MboxRewrite.render(original, entries: entries, dispositions: [.keep(read: false), .keep(read: false)]))
        #expect(both == MailFixtures.twoMessageMbox.replacingOccurrences(
            of: "<lunch@example.test>\n", with: "<lunch@example.test>\nStatus: O\n"))
    }

    @Test func bytesBeforeTheFirstMessageStay() {
        let original = Array("garbage\n\nFrom a@b  Sun Nov 29 09:41:18 2026\nSubject: s\n\nx\n\n".utf8)
        let rendered = MboxRewrite.render(original, entries: MboxReader.read(original), dispositions: [.delete])
        #expect(text(rendered) == "garbage\n\n")
    }
}
