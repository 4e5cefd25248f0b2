import Foundation
import MailCore
import Testing
@testable import carrier

@Suite struct AddressArgumentsTests {
    @Test func listsNamesAndBareNames() throws {
        let parsed = try AddressArguments.parse(["alice, Bob <bob@example.test>", "carol"], myorigin: "mx.example.test")
        #expect(parsed.map(\.addressString) == ["alice@mx.example.test", "bob@example.test", "carol@mx.example.test"])
        #expect(AddressArguments.headerText(parsed[1]) == "Bob <bob@example.test>")
    }

    @Test(arguments: ["bob@example.test\r\nBcc: evil@example.test", "bob@example.test\n", "<>", "@example.test"])
    func refusesInjectionAndNonAddresses(argument: String) {
        #expect(throws: CommandFailure.self) { try AddressArguments.parse([argument], myorigin: "x") }
    }

    @Test func displayNamesAreQuotedOrEncoded() {
        #expect(AddressArguments.phrase("Smith, John") == "\"Smith, John\"")
        #expect(AddressArguments.phrase("John Smith") == "John Smith")
        #expect(AddressArguments.phrase("Jörg").hasPrefix("=?utf-8?"))
    }

    @Test func headerTextFoldsOnlyOutsideQuotes() {
        let folded = HeaderText.field("To", (1...8).map { "\"Person Number \($0)\" <p\($0)@example.test>" }.joined(separator: ", "))
        for line in folded.split(separator: "\r\n") {
            #expect(line.filter { $0 == "\"" }.count % 2 == 0)
        }
        #expect(folded.replacingOccurrences(of: "\r\n", with: "").hasPrefix("To: \"Person Number 1\" <p1@example.test>, "))
    }
}
