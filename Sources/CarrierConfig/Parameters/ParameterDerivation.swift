/// How a default is computed from another parameter's value instead of fixed text.
public enum ParameterDerivation: Sendable, Equatable {
    /// The other parameter's value minus its first label (`mail.example.com` → `example.com`),
    /// or `localdomain` when nothing is left: how Postfix derives `mydomain` from `myhostname`.
    case parentDomain(of: String)
}
