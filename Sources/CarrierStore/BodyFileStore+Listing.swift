import Foundation

/// The files of the body directory, for collection.
extension BodyFileStore {
    /// One file found in the body directory.
    struct StoredFile: Sendable {
        let path: String
        /// The body hash the file holds (or is being written for).
        let hash: String
        let size: Int64
        /// A `.tmp-HASH-N` file a write left behind.
        let isTemporary: Bool
    }

    /// Every body file, and the temporary files last changed more than
    /// `age` seconds ago (younger ones may belong to a write in progress).
    func storedFiles(olderThan age: TimeInterval) -> [StoredFile] {
        let manager = FileManager.default
        let cutoff = Date().addingTimeInterval(-age)
        var found: [StoredFile] = []
        for folder in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] {
            let folderPath = "\(directory)/\(folder)"
            for name in (try? manager.contentsOfDirectory(atPath: folderPath)) ?? [] {
                let path = "\(folderPath)/\(name)"
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
                if name.hasPrefix(".tmp-") {
                    let modified = attributes[.modificationDate] as? Date ?? .distantPast
                    guard modified < cutoff else { continue }
                    let hash = name.dropFirst(5).split(separator: "-").first.map(String.init) ?? ""
                    found.append(StoredFile(path: path, hash: hash, size: size, isTemporary: true))
                } else {
                    found.append(StoredFile(path: path, hash: name, size: size, isTemporary: false))
                }
            }
        }
        return found
    }

    /// Removes a body's file; a file already gone is not an error.
    func remove(hash: String) {
        unlink(path(for: hash))
    }
}
