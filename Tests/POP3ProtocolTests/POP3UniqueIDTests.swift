import Testing
@testable import POP3Protocol

@Suite struct POP3UniqueIDTests {
    /// Dovecot's default `%08Xu%08Xv`: UID, then UIDVALIDITY.
    @Test func format() {
        #expect(POP3UniqueID.make(uidValidity: 1_700_000_000, uid: 1) == "000000016553F100")
        #expect(POP3UniqueID.make(uidValidity: .max, uid: .max) == "FFFFFFFFFFFFFFFF")
    }

    /// RFC 1939 §7: 1-70 octets in 0x21-0x7E, the same in every session, and
    /// different for different messages.
    @Test func stableUniqueAndWellFormed() {
        var seen = Set<String>()
        for validity: UInt32 in [1, 2, 0xFFFF_FFFF] {
            for uid: UInt32 in [1, 2, 16, 255, 65_536, 0xFFFF_FFFF] {
                let id = POP3UniqueID.make(uidValidity: validity, uid: uid)
                #expect(id == POP3UniqueID.make(uidValidity: validity, uid: uid))
                #expect((1...70).contains(id.utf8.count))
                #expect(id.utf8.allSatisfy { (0x21...0x7E).contains($0) })
                #expect(seen.insert(id).inserted)
            }
        }
    }
}
