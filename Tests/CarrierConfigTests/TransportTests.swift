import Testing
@testable import CarrierConfig

/// transport_maps values and lookup order (Postfix transport(5)).
@Suite struct TransportTests {
    @Test(arguments: [
        ("smtp:[10.0.0.1]:2525", Transport.smtp(nexthop: "[10.0.0.1]:2525")),
        ("relay:mx.example.org", .smtp(nexthop: "mx.example.org")),
        ("smtp:", .smtp(nexthop: "")),
        ("local:", .local),
        ("error:5.1.1 User unknown", .error("5.1.1 User unknown")),
        ("retry:", .retry("mail for this destination is held")),
    ])
    func parsesValues(text: String, expected: Transport) {
        #expect(Transport(text) == expected)
    }

    @Test func unknownTransportsAreRefused() {
        #expect(Transport("uucp:host") == nil)
    }

    /// The address, the domain, each parent as `.parent`, then `*`.
    @Test func lookupKeysGoFromSpecificToGeneral() {
        #expect(Transport.lookupKeys(localPart: "User", domain: "Mail.Example.ORG")
            == ["user@mail.example.org", "mail.example.org", ".example.org", ".org", "*"])
    }
}
