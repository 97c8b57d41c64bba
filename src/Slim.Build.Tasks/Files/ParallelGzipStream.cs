using System.Collections.Concurrent;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// A write-only gzip stream that compresses on every core and still gives one gzip member whose bytes depend
/// only on the input: the input is cut into blocks of <see cref="BlockSize"/>, each block is deflated on its own
/// (SharpZipLib's managed deflate, the same on every OS and .NET version) with the 32 KiB before it as its
/// dictionary, so the ratio stays close to one stream's, and ends on a byte boundary with an empty stored block
/// (zlib's sync flush) so the blocks' outputs can simply follow each other; the last ends the deflate stream.
/// The header holds no time, no name and OS byte 255; the trailer the CRC-32 and length of all the input.
/// At most a few blocks per core are in memory at once, whatever the layer's size. The blocks are deflated on
/// threads of the stream's own, one per core, not the thread pool's: a writer that waits for a block must not
/// wait for a pool thread that the pool has not started yet.
/// </summary>
internal sealed class ParallelGzipStream : WriteOnlyStream
{
    /// <summary>Fixed, not derived from the core count: the bytes must not depend on the machine.</summary>
    public const int BlockSize = 256 * 1024;

    private const int DictionarySize = 32 * 1024;
    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    private static readonly System.Buffers.ArrayPool<byte> Pool = System.Buffers.ArrayPool<byte>.Shared;
    private static readonly int Workers = Math.Max(1, Environment.ProcessorCount);
    private static readonly int MaxInFlight = Workers * 2 + 1;

    private readonly Stream _inner;
    private readonly int _level;
    private readonly Crc32 _crc = new();
    private readonly Queue<Task<Deflated>> _inFlight = new();
    private byte[] _block = Pool.Rent(BlockSize);
    private int _filled;
    private byte[]? _dictionary;
    private int _dictionaryLength;
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread[] _workers;
    private bool _finished;

    public ParallelGzipStream(Stream inner, int level)
    {
        _inner = inner;
        _level = level;
        _inner.Write(Header);
        _workers = [.. Enumerable.Range(0, Workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "slim-gzip" })];
        foreach (var worker in _workers)
            worker.Start();
    }

    private void Work()
    {
        foreach (var work in _work.GetConsumingEnumerable())
            work();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, BlockSize - _filled);
            buffer[..take].CopyTo(_block.AsSpan(_filled));
            _crc.Update(new ArraySegment<byte>(_block, _filled, take));
            _filled += take;
            BytesWritten += take;
            buffer = buffer[take..];
            if (_filled == BlockSize)
                Submit(last: false);
        }
    }


    /// <summary>Compressed blocks go out in order as they finish; nothing is forced out early, which would change the bytes.</summary>
    public override void Flush() => _inner.Flush();


    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            _finished = true;
            try
            {
                Submit(last: true);
                while (_inFlight.Count > 0)
                    WriteOut(_inFlight.Dequeue());
                Span<byte> trailer = stackalloc byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(trailer, (uint)_crc.Value);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)BytesWritten);
                _inner.Write(trailer);
            }
            finally
            {
                _work.CompleteAdding();
                foreach (var worker in _workers)
                    worker.Join();
                _work.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private void Submit(bool last)
    {
        var input = _block;
        var length = _filled;
        var dictionary = (_dictionary!, _dictionaryLength);
        var level = _level;
        // The next block's dictionary is copied before this block is handed over: its array goes back to the pool once deflated.
        var kept = Math.Min(length, DictionarySize);
        _dictionary = Pool.Rent(DictionarySize);
        input.AsSpan(length - kept, kept).CopyTo(_dictionary);
        _dictionaryLength = kept;
        var deflated = new TaskCompletionSource<Deflated>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                deflated.SetResult(Deflate(input, length, dictionary, level, last));
            }
            catch (Exception e)
            {
                deflated.SetException(e);
            }
        });
        _inFlight.Enqueue(deflated.Task);
        _block = Pool.Rent(BlockSize);
        _filled = 0;
        while (_inFlight.Count > MaxInFlight)
            WriteOut(_inFlight.Dequeue());
    }

    private void WriteOut(Task<Deflated> block)
    {
        var deflated = block.GetAwaiter().GetResult();
        _inner.Write(deflated.Bytes, 0, deflated.Count);
        Pool.Return(deflated.Bytes);
    }

    private readonly record struct Deflated(byte[] Bytes, int Count);

    /// <summary>One block as raw deflate: a byte-aligned run of blocks that is final only for the stream's last.</summary>
    private static Deflated Deflate(byte[] input, int length, (byte[] Bytes, int Length) dictionary, int level, bool last)
    {
        var (engine, pending) = Compressor;
        engine.Reset();
        pending.Reset();
        engine.SetLevel(level);
        if (dictionary.Length > 0)
            engine.SetDictionary(dictionary.Bytes, 0, dictionary.Length);
        engine.SetInput(input, 0, length);
        // Deflate's worst case (incompressible input in stored blocks) adds 5 bytes per 16 KiB, plus the flush.
        var output = Pool.Rent(length + length / 1024 + 64);
        var count = 0;
        bool progress;
        do
        {
            progress = engine.Deflate(flush: true, finish: last);
            count += pending.Flush(output, count, output.Length - count);
        }
        while (progress || !pending.IsFlushed);
        if (!last)
        {
            // An empty stored block: three header bits (not final, stored), then byte alignment and LEN 0, NLEN 0xFFFF.
            pending.WriteBits(0, 3);
            pending.AlignToByte();
            pending.WriteShort(0);
            pending.WriteShort(0xFFFF);
        }
        else
            pending.AlignToByte();
        count += pending.Flush(output, count, output.Length - count);
        Pool.Return(input);
        if (dictionary.Bytes is not null)
            Pool.Return(dictionary.Bytes);
        return new Deflated(output, count);
    }

    /// <summary>One deflate engine per thread, reset for each block: its window and hash tables are 200 KB.</summary>
    private static (DeflaterEngine Engine, DeflaterPending Pending) Compressor
    {
        get
        {
            if (t_compressor is null)
            {
                var pending = new DeflaterPending();
                t_compressor = (new DeflaterEngine(pending, noAdlerCalculation: true), pending);
            }
            return t_compressor.Value;
        }
    }

    [ThreadStatic]
    private static (DeflaterEngine Engine, DeflaterPending Pending)? t_compressor;
}
