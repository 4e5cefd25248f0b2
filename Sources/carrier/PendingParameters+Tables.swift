import CarrierConfig

extension PendingParameters {
    /// `local_recipient_maps` entries Carrier cannot read yet (only `unix:passwd.byname` is supported).
    static func unsupportedTables(_ configuration: Configuration, _ settings: CarrierSettings) -> [String] {
        let unsupported = settings.localRecipientMaps.filter { !($0.type == "unix" && $0.path == "passwd.byname") }
        guard !unsupported.isEmpty, let entry = configuration.entry(for: "local_recipient_maps") else { return [] }
        return ["\(entry.location): local_recipient_maps: \(unsupported.map(\.description).joined(separator: ", ")) not supported yet "
                + "(Carrier's own users and unix:passwd.byname are); those tables are ignored"]
    }
}
