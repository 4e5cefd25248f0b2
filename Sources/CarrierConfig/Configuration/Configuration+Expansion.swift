extension Configuration {
    /// The longest value expansion may produce, against `$a$a$a...` blow-ups.
    static let maximumExpandedLength = 1 << 20

    /// The value of `key` with every `$name` expanded, recursively: the file's value,
    /// else the default, else empty (an unknown `$name` expands to nothing, as in Postfix).
    /// Throws on an expansion loop or a malformed `${`.
    public func expandedValue(_ key: String) throws -> String {
        var state = ExpansionState()
        return try expand(key: key, state: &state)
    }

    private func expand(key: String, state: inout ExpansionState) throws -> String {
        if let cached = state.expanded[key] { return cached }
        if let start = state.stack.firstIndex(of: key) {
            let loop = (state.stack[start...] + [key]).joined(separator: " -> ")
            throw ConfigError(location: entry(for: key)?.location, message: "\(key): parameter expansion loop: \(loop)")
        }
        state.stack.append(key)
        defer { state.stack.removeLast() }
        let value: String
        if let assigned = entry(for: key) {
            value = try expand(text: assigned.value, of: key, state: &state)
        } else if let definition = table[key] {
            value = try defaultValue(of: definition, state: &state)
        } else {
            value = ""
        }
        state.expanded[key] = value
        return value
    }

    private func defaultValue(of definition: ParameterDefinition, state: inout ExpansionState) throws -> String {
        switch definition.derivation {
        case .parentDomain(let other)?:
            HostName.parentDomain(of: try expand(key: other, state: &state))
        case nil:
            try expand(text: definition.defaultValue, of: definition.name, state: &state)
        }
    }

    private func expand(text: String, of key: String, state: inout ExpansionState) throws -> String {
        guard let tokens = ExpansionToken.tokens(in: text) else {
            throw ConfigError(
                location: entry(for: key)?.location,
                message: "\(key): unbalanced \"${\" or \"$(\" or an invalid name in \"\(text)\"")
        }
        var result = ""
        for token in tokens {
            switch token {
            case .literal(let literal):
                result += literal
            case .reference(let name):
                result += try expand(key: name, state: &state)
            case .ifNotEmpty(let name, let conditional):
                if try !expand(key: name, state: &state).isEmpty {
                    result += try expand(text: conditional, of: key, state: &state)
                }
            case .ifEmpty(let name, let conditional):
                if try expand(key: name, state: &state).isEmpty {
                    result += try expand(text: conditional, of: key, state: &state)
                }
            }
            guard result.utf8.count <= Self.maximumExpandedLength else {
                throw ConfigError(
                    location: entry(for: key)?.location,
                    message: "\(key): expanded value is longer than \(Self.maximumExpandedLength) bytes")
            }
        }
        return result
    }
}

/// The parameters being expanded (for loop detection) and those already done.
private struct ExpansionState {
    var stack: [String] = []
    var expanded: [String: String] = [:]
}
