import IMAPProtocol

/// GETQUOTA and GETQUOTAROOT (RFC 9208 §4.1.1, §4.1.2). Each user has one
/// quota root, `""`, covering all their mailboxes, with the STORAGE
/// resource in units of 1024 octets (§5.1) limited by `mailbox_size_limit`.
///
/// Without a limit (the default, 0) nothing is limited: QUOTA is not
/// advertised, and the commands still answer, with an empty resource list
/// (§4.2.1: no administrative limits). MESSAGE is never reported, since a
/// QUOTA triplet needs a limit and Carrier has no message-count limit.
extension IMAPConnection {
    /// `mailbox_size_limit` in octets; 0 is none.
    var quotaLimit: Int { services.ingress.settings.mailboxSizeLimit }

    func getQuota(_ tag: String, root: String) async -> [UInt8] {
        guard root.isEmpty else { return encode(no(tag, "No such quota root", .nonExistent)) }
        guard let quota = await quotaResponse() else { return encode(no(tag, "Temporary server failure", .unavailable)) }
        return encode([.untagged(quota), ok(tag, "GETQUOTA completed")])
    }

    /// The mailbox need not exist (§4.1.2): the answer says which root a
    /// new mailbox of that name would fall under.
    func getQuotaRoot(_ tag: String, _ wire: String) async -> [UInt8] {
        guard let name = try? IMAPMailboxName(wire: wire, utf8: utf8Names) else { return encode(bad(tag, "Invalid mailbox name")) }
        guard let quota = await quotaResponse() else { return encode(no(tag, "Temporary server failure", .unavailable)) }
        return encode([.untagged(.quotaRoot(mailbox: name.name, roots: [""])), .untagged(quota), ok(tag, "GETQUOTAROOT completed")])
    }

    private func quotaResponse() async -> IMAPUntaggedResponse? {
        guard quotaLimit > 0 else { return .quota(root: "", []) }
        guard let usage = try? await services.ingress.store.storageUsage(userID: userID) else { return nil }
        let used = UInt64(max(0, usage.bytes) + 1023) / 1024
        return .quota(root: "", [IMAPQuotaResource(name: "STORAGE", usage: used, limit: UInt64(quotaLimit / 1024))])
    }

    /// Whether `size` more octets would take the user over the limit
    /// (APPEND and COPY answer `NO [OVERQUOTA]`, §4.3.1).
    func overQuota(adding size: Int) async -> Bool {
        await services.ingress.localDelivery.isOverQuota(userID: userID, adding: size)
    }
}
