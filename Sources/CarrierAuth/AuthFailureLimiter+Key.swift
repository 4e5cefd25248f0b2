extension AuthFailureLimiter {
    /// What failures are counted against: a client address or an account name.
    enum Key: Hashable, Sendable {
        case client(String)
        /// Lower-cased, so case variants of one account share a counter.
        case account(String)

        static func keys(client: String, account: String?) -> [Key] {
            [.client(client)] + (account.map { [.account($0.lowercased())] } ?? [])
        }
    }
}
