import ParleyGames

/// libFuzzer entry point: the reader of axelrod's `model_attention.pth` (a stored ZIP around a
/// PyTorch state-dict pickle), which a user's file reaches through `--axelrod-data`. It must
/// return for every input, with a model or a typed error, without trapping, leaking or hanging.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? AxelrodData.model(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
