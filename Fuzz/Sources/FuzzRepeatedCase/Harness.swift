import FuzzSupport

/// libFuzzer entry point: the repeated-game case (format: parley-repeated/1) reader on arbitrary bytes. It must return for every
/// input, with a value or a located error, without trapping, leaking or hanging.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    FuzzInput.decodeRepeated(text)
    return 0
}
