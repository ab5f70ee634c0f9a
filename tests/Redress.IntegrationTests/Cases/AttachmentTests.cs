using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>Files to upload.</summary>
public static class Files
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG by its first bytes, filled up with noise to the size wanted.</summary>
    public static byte[] Png(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        PngMagic.CopyTo(bytes, 0);
        return bytes;
    }

    public static TheoryData<string, string, byte[], string> Refused() => new()
    {
        { "too big", "big.png", Png(RedressApp.MaxAttachmentBytes + 1), "file_too_large" },
        { "an executable", "setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "forbidden_file_type" },
        { "no extension", "README", "plain words"u8.ToArray(), "forbidden_file_type" },
        { "a PDF named .png", "photo.png", "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(), "file_content_mismatch" },
        { "an executable named .jpg", "photo.jpg", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "file_content_mismatch" },
        { "binary named .txt", "notes.txt", [0x41, 0x00, 0x42, 0xFF], "file_content_mismatch" },
        { "empty", "empty.png", [], "empty_file" },
    };
}

/// <summary>Files on a case: the type is decided by the bytes, the size is capped, and what comes back is what went in.</summary>
public abstract class AttachmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Upload_ThenDownload_ReturnsIdenticalBytes()
    {
        var (agent, handler) = (await app.SignInAsync("agent"), await app.SignInAsync("handler"));
        var kase = await new CaseSteps(app).ToAsync(CaseStatus.Investigating);
        var bytes = Files.Png(3000);

        var upload = await handler.UploadAsync(kase.Id, "cracked-lid.png", bytes, "image/png");

        var item = await Expect.JsonAsync<AttachmentItem>(upload, HttpStatusCode.Created);
        Assert.Equal(("cracked-lid.png", "image/png", bytes.Length), (item.FileName, item.ContentType, item.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), item.Sha256);
        Assert.Equal($"/api/v1/cases/{kase.Id}/attachments/{item.Id}", upload.Headers.Location?.OriginalString);
        Assert.Equal(item, Assert.Single(await agent.GetJsonAsync<List<AttachmentItem>>($"/api/v1/cases/{kase.Id}/attachments")));

        var download = await agent.GetAsync($"/api/v1/cases/{kase.Id}/attachments/{item.Id}");
        await Expect.StatusAsync(download, HttpStatusCode.OK);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Test.Ct));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cracked-lid.png", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));

        var last = (await agent.TimelineAsync(kase.Id))[^1];
        Assert.Equal((TimelineEvent.AttachmentAdded, "cracked-lid.png", app.Ids.UserId("handler")), (last.Event, last.Text, last.ActorId));
        var evidence = await handler.DoAsync(kase.Id, "evidence", new EvidenceRequest("The photo", "Customer", item.Id));
        Assert.Equal(item.Id, Assert.Single(evidence.Investigation!.Evidence).AttachmentId);
    }

    [Fact]
    public async Task Upload_OfAChineseTextFile_RoundTrips()
    {
        var agent = await app.SignInAsync("agent");
        var kase = await app.OnceAsync("received", () => new CaseSteps(app).ToAsync(CaseStatus.Received));
        var bytes = "客户来电记录：包裹外箱破损。"u8.ToArray();

        var item = await Expect.JsonAsync<AttachmentItem>(await agent.UploadAsync(kase.Id, "来电记录.txt", bytes, "text/plain"), HttpStatusCode.Created);

        Assert.Equal("来电记录.txt", item.FileName);
        Assert.Equal(bytes, await (await agent.GetAsync($"/api/v1/cases/{kase.Id}/attachments/{item.Id}")).Content.ReadAsByteArrayAsync(Test.Ct));
    }

    [Theory]
    [MemberData(nameof(Files.Refused), MemberType = typeof(Files))]
    public async Task Upload_OfAFileThatIsNotAccepted_IsA400Problem_AndWritesNothing(string what, string fileName, byte[] bytes, string code)
    {
        var agent = await app.SignInAsync("agent");
        var kase = await app.OnceAsync("received", () => new CaseSteps(app).ToAsync(CaseStatus.Received));
        var before = await app.CountRowsAsync();

        var response = await agent.UploadAsync(kase.Id, fileName, bytes);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(code == problem.Code, $"{what}: expected {code}, got {problem.Code}: {problem.Detail}");
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Upload_OfAFileTooBig_SaysTheLimit()
    {
        var agent = await app.SignInAsync("agent");
        var kase = await app.OnceAsync("received", () => new CaseSteps(app).ToAsync(CaseStatus.Received));

        var response = await agent.UploadAsync(kase.Id, "big.png", Files.Png(RedressApp.MaxAttachmentBytes * 2));

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("file_too_large", problem.Code);
        Assert.Contains("at most 4 KB", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("this one is 8 KB", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAFileField_IsA400Problem()
    {
        var agent = await app.SignInAsync("agent");
        var kase = await app.OnceAsync("received", () => new CaseSteps(app).ToAsync(CaseStatus.Received));
        var form = new MultipartFormDataContent { { new ByteArrayContent(Files.Png(100)), "upload", "photo.png" } };

        var response = await agent.SendAsync($"/api/v1/cases/{kase.Id}/attachments", form, null, null);

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Download_OfAnotherCasesAttachment_IsNotFound()
    {
        var agent = await app.SignInAsync("agent");
        var (one, other) = (await new CaseSteps(app).ToAsync(CaseStatus.Received), await new CaseSteps(app).ToAsync(CaseStatus.Received));
        var item = await Expect.JsonAsync<AttachmentItem>(await agent.UploadAsync(one.Id, "a.png", Files.Png(50)), HttpStatusCode.Created);

        var response = await agent.GetAsync($"/api/v1/cases/{other.Id}/attachments/{item.Id}");

        await Expect.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class AttachmentsOnSqlite(SqliteApp app) : AttachmentTests<SqliteApp>(app);

public sealed class AttachmentsOnPostgres(PostgresApp app) : AttachmentTests<PostgresApp>(app);
