namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// Names a JavaScript file may read without declaring them: ECMAScript globals, the web APIs Node 20
/// exposes globally (fetch, URL, structuredClone...), Node's own globals, and, for CommonJS files only,
/// the module wrapper's parameters (require, module, exports, __dirname, __filename).
/// </summary>
public static class JavaScriptGlobals
{
    private static readonly HashSet<string> Always = new(StringComparer.Ordinal)
    {
        // ECMAScript
        "globalThis", "undefined", "NaN", "Infinity", "eval", "isFinite", "isNaN", "parseFloat", "parseInt",
        "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape",
        "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Date", "RegExp",
        "Math", "JSON", "Reflect", "Proxy", "Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef",
        "FinalizationRegistry", "Intl", "Atomics", "SharedArrayBuffer", "ArrayBuffer", "DataView",
        "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Error", "AggregateError", "EvalError",
        "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "WebAssembly", "arguments",
        // Node
        "global", "process", "Buffer", "console", "setTimeout", "clearTimeout", "setInterval", "clearInterval",
        "setImmediate", "clearImmediate", "queueMicrotask", "structuredClone", "performance",
        // Web APIs Node 20 exposes globally
        "fetch", "Request", "Response", "Headers", "FormData", "Blob", "File", "URL", "URLSearchParams",
        "AbortController", "AbortSignal", "Event", "EventTarget", "CustomEvent", "MessageChannel", "MessagePort",
        "MessageEvent", "BroadcastChannel", "TextEncoder", "TextDecoder", "TextEncoderStream", "TextDecoderStream",
        "atob", "btoa", "crypto", "Crypto", "CryptoKey", "SubtleCrypto", "DOMException", "ReadableStream",
        "WritableStream", "TransformStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
        "ReadableStreamBYOBRequest", "ReadableByteStreamController", "ReadableStreamDefaultController",
        "TransformStreamDefaultController", "WritableStreamDefaultWriter", "WritableStreamDefaultController",
        "ByteLengthQueuingStrategy", "CountQueuingStrategy", "CompressionStream", "DecompressionStream",
        "Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserver",
        "PerformanceObserverEntryList", "PerformanceResourceTiming",
    };

    private static readonly HashSet<string> CommonJsWrapper = new(StringComparer.Ordinal)
    {
        "require", "module", "exports", "__dirname", "__filename",
    };

    /// <summary>Whether <paramref name="name"/> is predefined in a file of the given kind.</summary>
    public static bool IsPredefined(string name, bool commonJs) =>
        Always.Contains(name) || (commonJs && CommonJsWrapper.Contains(name));

    /// <summary>The globals every file has (without the CommonJS wrapper names).</summary>
    public static IReadOnlyCollection<string> Names => Always;
}
