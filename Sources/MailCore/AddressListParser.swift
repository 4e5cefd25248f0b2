/// The state machine behind `AddressList.parse`: it cuts the token stream of
/// an address list (RFC 5322 §3.4, §4.4) into mailboxes and tracks groups.
struct AddressListParser {
    private let maxAddresses: Int
    private(set) var mailboxes: [MailboxAddress] = []
    private var tokens: [RFC5322Token] = []
    private var groupName: String?
    /// Whether `tokens` can still be a group's display name (an obs-phrase, §4.1).
    private var tokensMayNameGroup = true
    private var inAngle = false
    private var angleIsEmpty = false
    /// Inside `<@a,@b:` — an obsolete route (§4.4), whose commas separate nothing.
    private var inRoute = false

    init(maxAddresses: Int) {
        self.maxAddresses = maxAddresses
    }

    var isFull: Bool {
        mailboxes.count >= maxAddresses
    }

    mutating func consume(_ token: RFC5322Token) {
        guard token.kind == .special else {
            append(token)
            return
        }
        switch token.text {
        case "<" where !inAngle:
            append(token)
            inAngle = true
            angleIsEmpty = true
        case ">" where inAngle:
            append(token)
            inAngle = false
            inRoute = false
        case "," where inRoute:
            append(token)
        case ",":
            endMailbox()
        case ";":
            endMailbox()
            groupName = nil
        case ":" where inRoute:
            append(token)
            inRoute = false
        case ":" where !inAngle && groupName == nil && tokensMayNameGroup:
            groupName = Self.phrase(tokens) ?? ""
            tokens = []
            tokensMayNameGroup = true
        case "@" where inAngle && angleIsEmpty:
            append(token)
            inRoute = true
        default:
            append(token)
        }
    }

    mutating func endMailbox() {
        if !isFull, let mailbox = Self.mailbox(from: tokens, groupName: groupName) {
            mailboxes.append(mailbox)
        }
        tokens = []
        tokensMayNameGroup = true
        inAngle = false
        inRoute = false
    }

    private mutating func append(_ token: RFC5322Token) {
        if token.kind != .comment { angleIsEmpty = false }
        if token.kind == .special && !token.isSpecial(".") { tokensMayNameGroup = false }
        tokens.append(token)
    }
}
