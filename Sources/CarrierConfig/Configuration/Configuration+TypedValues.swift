extension Configuration {
    /// The expanded value of `key` as text.
    public func string(_ key: String) throws -> String {
        try expandedValue(key)
    }

    /// The expanded value of `key` as a non-negative number.
    public func integer(_ key: String) throws -> Int {
        try scalar(key, .integer, parse: ParameterValueParser.integer)
    }

    /// The expanded value of `key` as a number of bytes.
    public func size(_ key: String) throws -> Int {
        try scalar(key, .size, parse: ParameterValueParser.integer)
    }

    /// The expanded value of `key` as `yes` or `no`.
    public func bool(_ key: String) throws -> Bool {
        try scalar(key, .boolean, parse: ParameterValueParser.boolean)
    }

    /// The expanded value of `key` as a time; a bare number is seconds.
    public func duration(_ key: String) throws -> Duration {
        try scalar(key, .time, parse: ParameterValueParser.duration)
    }

    /// The expanded value of `key` split as a list.
    public func list(_ key: String) throws -> [String] {
        ConfigList.split(try expandedValue(key))
    }

    /// The expanded value of `key` as listener addresses; empty means none.
    public func listenAddresses(_ key: String) throws -> [ListenAddress] {
        try items(key, .listenAddresses, parse: ListenAddress.init)
    }

    /// The expanded value of `key` as networks.
    public func networks(_ key: String) throws -> [CIDRRange] {
        try items(key, .networks, parse: CIDRRange.init)
    }

    /// The expanded value of `key` as lookup tables.
    public func lookupTables(_ key: String) throws -> [LookupTableReference] {
        try items(key, .lookupTables, parse: LookupTableReference.init)
    }

    private func scalar<Value>(_ key: String, _ kind: ParameterKind, parse: (String) -> Value?) throws -> Value {
        let value = try expandedValue(key)
        guard let parsed = parse(value) else { throw invalidValue(key, value, kind) }
        return parsed
    }

    /// Parses each list item, naming the first bad item in the error.
    private func items<Item>(_ key: String, _ kind: ParameterKind, parse: (String) -> Item?) throws -> [Item] {
        try list(key).map { item in
            guard let parsed = parse(item) else { throw invalidValue(key, item, kind) }
            return parsed
        }
    }

    private func invalidValue(_ key: String, _ value: String, _ kind: ParameterKind) -> ConfigError {
        ConfigError(
            location: entry(for: key)?.location,
            message: "\(key): invalid value \"\(value)\": \(kind.expectation)")
    }
}
