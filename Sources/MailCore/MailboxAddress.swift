/// One mailbox of an address list (RFC 5322 §3.4): an optional display
/// name and an addr-spec (§3.4.1), with UTF-8 allowed in both parts of the
/// address (RFC 6531 §3.3). A member of a group remembers the group's name.
public struct MailboxAddress: Sendable, Equatable {
    /// The display name, RFC 2047 encoded words decoded; nil if absent.
    public var displayName: String?
    /// The local part, unquoted (quoted pairs resolved).
    public var localPart: String
    /// The domain, a domain literal keeping its brackets; empty if the
    /// address had no `@` (malformed input).
    public var domain: String
    /// The display name of the group (§3.4) this mailbox was listed in.
    public var groupName: String?

    public init(displayName: String? = nil, localPart: String, domain: String, groupName: String? = nil) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
        self.groupName = groupName
    }

    /// The address without display name, as the SMTP envelope carries it.
    public var emailAddress: EmailAddress {
        EmailAddress(localPart: localPart, domain: domain)
    }

    /// `local@domain`, the local part quoted (§3.4.1) only when it is not a
    /// dot-atom; just the local part when the domain is empty.
    public var addressString: String {
        emailAddress.description
    }
}
