import CarrierConfig
import CarrierStore
import Foundation

/// The mail store as the administration commands use it: opened in `data_directory`,
/// with every failure turned into a `CommandFailure` (1 for "exists" / "no such user",
/// 75 when the store is locked or unavailable).
struct StoreAccess {
    private let store: any MailStore
    private let directory: String

    /// Opens (creating if needed) the store in `settings.dataDirectory`.
    init(settings: CarrierSettings) throws(CommandFailure) {
        directory = settings.dataDirectory
        do {
            store = try SQLiteMailStore(directory: directory)
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    /// Runs `work` against the store.
    func perform<T>(_ work: (any MailStore) async throws -> T) async throws(CommandFailure) -> T {
        do {
            return try await work(store)
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    private static func failure(_ error: any Error, directory: String) -> CommandFailure {
        switch error as? MailStoreError {
        case .userExists?, .noSuchUser?: .refused("\(error)")
        default: .temporary("mail store in \(directory) unavailable: \(reason(error))")
        }
    }

    /// Foundation's file errors by their readable text, the rest (SQLite's) as they describe themselves.
    private static func reason(_ error: any Error) -> String {
        let bridged = error as NSError
        return bridged.domain == NSCocoaErrorDomain ? bridged.localizedDescription : "\(error)"
    }
}
