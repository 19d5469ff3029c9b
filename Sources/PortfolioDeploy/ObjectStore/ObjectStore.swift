/// A bucket seen through a prefix: keys are relative to the target's prefix.
///
/// The deploy engine (`ObjectStoreDeployer`) works only through this protocol; the S3
/// client adapts to it, and tests use `InMemoryObjectStore`. Retrying a failed request is
/// the store's job; the engine recomputes its plan from `list()` on every run.
public protocol ObjectStore: Sendable {
    /// Every object under the prefix (the store pages through the listing itself).
    func list() async throws -> [RemoteObject]
    /// Stores one object, replacing any object with the same key.
    func put(_ upload: ObjectUpload) async throws
    /// Deletes these keys (the store batches them as its API allows).
    func delete(_ keys: [String]) async throws
}
