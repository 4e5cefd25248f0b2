import Foundation
import Testing
import LocalDelivery

@Suite struct SystemAccountTests {
    @Test func findsAccountsInThePasswordDatabase() throws {
        let root = try #require(SystemAccount.lookup("root"))
        #expect(root == SystemAccount(name: "root", uid: 0, gid: 0, home: "/root"))
        let nobody = try #require(SystemAccount.lookup("nobody"))
        #expect(nobody.uid != 0)
    }

    @Test(arguments: ["ROOT", "Root", "", "no-such-account-here", "root "])
    func namesAreExactAndCaseSensitive(name: String) {
        #expect(SystemAccount.lookup(name) == nil)
    }

    @Test func theMailGroupMatchesEtcGroup() throws {
        let groups = try String(contentsOfFile: "/etc/group", encoding: .utf8)
        let line = groups.split(separator: "\n").first { $0.hasPrefix("mail:") }
        let expected = line.flatMap { gid_t($0.split(separator: ":", omittingEmptySubsequences: false)[2]) }
        #expect(SystemAccount.mailGroupID() == expected)
    }
}
