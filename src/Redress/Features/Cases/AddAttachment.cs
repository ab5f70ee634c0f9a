using System.Security.Cryptography;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Cases;

public sealed class AttachmentOptions
{
    /// <summary>The files the case page's upload offers; the server checks the content whatever the browser sends.</summary>
    public const string Accept = ".jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx,.txt,.mp3,.m4a,.mp4,.wav";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Adds a file to a case. The type is decided by the file's first bytes, not by what the client claims,
/// and must agree with the extension: photos, PDFs, office documents, text, audio and video only.
/// </summary>
public sealed class AddAttachment(CaseCommands commands, AttachmentOptions options)
{
    private sealed record FileType(string ContentType, string[] Extensions, Func<byte[], bool> Matches);

    private static readonly FileType[] Allowed =
    [
        new("image/jpeg", [".jpg", ".jpeg"], b => Starts(b, 0xFF, 0xD8, 0xFF)),
        new("image/png", [".png"], b => Starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
        new("image/gif", [".gif"], b => Starts(b, 0x47, 0x49, 0x46, 0x38)),
        new("image/webp", [".webp"], b => Starts(b, 0x52, 0x49, 0x46, 0x46) && At(b, 8, "WEBP"u8)),
        new("application/pdf", [".pdf"], b => Starts(b, 0x25, 0x50, 0x44, 0x46)),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], b => Starts(b, 0x50, 0x4B, 0x03, 0x04)),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], b => Starts(b, 0x50, 0x4B, 0x03, 0x04)),
        new("audio/wav", [".wav"], b => Starts(b, 0x52, 0x49, 0x46, 0x46) && At(b, 8, "WAVE"u8)),
        new("audio/mpeg", [".mp3"], b => Starts(b, 0x49, 0x44, 0x33) || (b.Length > 1 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0)),
        new("audio/mp4", [".m4a"], b => At(b, 4, "ftyp"u8)),
        new("video/mp4", [".mp4"], b => At(b, 4, "ftyp"u8)),
        new("text/plain", [".txt"], IsUtf8Text),
    ];

    public Task<Result<(CaseDetails Case, AttachmentItem Attachment)>> HandleAsync(long id, IFormFile file, Actor actor, CancellationToken ct) =>
        HandleAsync(id, file.FileName, file.Length, file.OpenReadStream, actor, ct);

    /// <summary>
    /// The upload from any door: a multipart form part (API, portal) or a browser file (case page). The size
    /// is checked before anything is read, so an oversize file costs nothing.
    /// </summary>
    public async Task<Result<(CaseDetails Case, AttachmentItem Attachment)>> HandleAsync(
        long id, string fileName, long length, Func<Stream> open, Actor actor, CancellationToken ct)
    {
        if (length == 0) return Error.Invalid("empty_file", "The file is empty.", "file");
        if (length > options.MaxBytes)
            return new Error("file_too_large", $"Files may be at most {Describe(options.MaxBytes)}; this one is {Describe(length)}.", ErrorKind.Validation, "file");
        var name = Path.GetFileName(fileName).Trim();
        if (name.Length is 0 or > 255) return Error.Invalid("bad_file_name", "The file needs a name of at most 255 characters.", "file");

        using var buffer = new MemoryStream((int)length);
        await using (var stream = open()) await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var type = Allowed.FirstOrDefault(t => t.Extensions.Contains(extension));
        if (type is null)
            return Error.Invalid("forbidden_file_type", $"Files of type '{extension}' are not accepted. Accepted: {string.Join(", ", Allowed.SelectMany(t => t.Extensions))}.", "file");
        if (!type.Matches(bytes))
            return Error.Invalid("file_content_mismatch", $"The content of {name} is not a {extension} file.", "file");

        var attachment = new Attachment(name, type.ContentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), default, actor.Name);
        var result = await commands.RunAsync(id, null, actor, appendOnly: true, (kase, now, db) =>
        {
            attachment = new Attachment(name, type.ContentType, bytes.Length, attachment.Sha256, now, actor.Name);
            var added = kase.AddAttachment(actor, now, attachment);
            if (added.IsSuccess) db.AttachmentContents.Add(new AttachmentContent { Attachment = attachment, Bytes = bytes });
            return Task.FromResult(added);
        }, ct);
        if (!result.IsSuccess) return result.Error!;
        return (result.Value, new AttachmentItem(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256, attachment.UploadedAt, attachment.UploadedBy));
    }

    // Below a megabyte in kilobytes: a limit of 512 KB must not read "at most 0 MB".
    private static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static bool Starts(byte[] b, params byte[] magic) => b.AsSpan().StartsWith(magic);

    private static bool At(byte[] b, int offset, ReadOnlySpan<byte> magic) => b.Length >= offset + magic.Length && b.AsSpan(offset).StartsWith(magic);

    private static bool IsUtf8Text(byte[] b) => !b.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(b);
}
