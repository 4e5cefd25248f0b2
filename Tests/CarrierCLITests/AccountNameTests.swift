import CarrierConfig
import Testing
@testable import carrier

@Suite struct AccountNameTests {
    static let settings: CarrierSettings = {
        var settings = CarrierSettings.defaults(hostname: "mail.example.com")
        settings.mydestination = ["mail.example.com", "example.com", "localhost"]
        settings.virtualMailboxDomains = ["hosted.test"]
        return settings
    }()

    @Test(arguments: [
        ("alice", "alice"),
        ("Alice", "alice"),
        ("alice@example.com", "alice"),
        ("alice@MAIL.Example.COM.", "alice"),
        ("bob@hosted.test", "bob@hosted.test"),
        ("Bob@Hosted.Test", "bob@hosted.test"),
    ])
    func mapsToTheStoredKey(address: String, key: String) throws {
        #expect(try AccountName.key(for: address, settings: Self.settings) == key)
    }

    @Test func remoteDomainNamesBothSettings() {
        #expect {
            try AccountName.key(for: "dave@elsewhere.org", settings: Self.settings)
        } throws: { error in
            guard let failure = error as? CommandFailure else { return false }
            return failure.status == ExitStatus.usage && failure.message.contains("mydestination")
                && failure.message.contains("virtual_mailbox_domains") && failure.message.contains("elsewhere.org")
        }
    }

    @Test(arguments: ["", "a b", "@example.com", "alice@", "a@b@example.com", "tab\there"])
    func malformedAddressesAreUsageErrors(address: String) {
        #expect(throws: CommandFailure.self) { try AccountName.key(for: address, settings: Self.settings) }
    }
}
