using System.Net;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// A request body that calls <paramref name="progress"/> each time a piece of it is sent, so a request's timeout
/// can count from the last byte that moved: a layer of a few hundred MB on a slow link keeps going, while a
/// registry that takes the connection and never reads or answers is given up on.
/// </summary>
internal sealed class WatchedContent : HttpContent
{
    private readonly HttpContent inner;
    private readonly Action progress;

    public WatchedContent(HttpContent inner, Action progress)
    {
        this.inner = inner;
        this.progress = progress;
        foreach (var header in inner.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        inner.CopyToAsync(new ProgressStream(stream, progress));

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        inner.CopyTo(new ProgressStream(stream, progress), context, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    private sealed class ProgressStream(Stream target, Action progress) : Files.WriteOnlyStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            target.Write(buffer);
            BytesWritten += buffer.Length;
            progress();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await target.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            BytesWritten += buffer.Length;
            progress();
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => target.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);
    }
}
