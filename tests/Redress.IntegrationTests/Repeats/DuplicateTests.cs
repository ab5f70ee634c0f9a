using System.Net;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Repeats;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Repeats;

/// <summary>Issue 5 part 5 through the API: the same complaint twice → a merge suggestion; merging keeps everything reachable.</summary>
public abstract class DuplicateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Subject = "Charged twice";
    private const string Text = "My card was charged twice for order 1234, please refund one payment.";

    /// <summary>The same complaint by phone and, three hours later, on the web; the agent signed in again after the wait.</summary>
    private async Task<(ApiClient Agent, CaseDetails First, CaseDetails Second, CaseLinkView Suggestion)> TwiceAsync()
    {
        var agent = await app.SignInAsync("agent");
        var customer = RepeatTests<TApp>.Customer();
        var first = await agent.RegisterAsync(RepeatTests<TApp>.Complaint(customer, Subject, Text) with { Channel = Channel.Phone });
        app.Advance(TimeSpan.FromHours(3));
        agent = await app.SignInAsync("agent");
        var second = await agent.RegisterAsync(RepeatTests<TApp>.Complaint(customer, Subject, Text + "!") with { Channel = Channel.Web });
        var links = await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{second.Id}/links");
        return (agent, first, second, Assert.Single(links.Links));
    }

    [Fact]
    public async Task TheSameComplaintThroughTwoChannels_IsAMergeSuggestion_NotARepeat()
    {
        var (agent, first, second, suggestion) = await TwiceAsync();

        Assert.Equal((CaseLinkKind.Duplicate, first.Id, true, true), (suggestion.Kind, suggestion.OtherCaseId, suggestion.CanMerge, suggestion.CanDismiss));
        Assert.Equal((3, false), (second.Grade, second.Flags.Contains(nameof(CaseFlags.Repeat))));
        // The earlier case shows the link, but the suggestion is the newer case's to take.
        var back = Assert.Single((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{first.Id}/links")).Links);
        Assert.Equal((second.Id, false), (back.OtherCaseId, back.CanMerge));
    }

    /// <summary>
    /// Sent at the same moment: on SQLite the window is read before the write, on PostgreSQL registrations run side by
    /// side, and either way the later of the two must still find the earlier.
    /// </summary>
    [Fact]
    public async Task TheSameComplaintSentTwiceAtOnce_TheLaterIsTheEarliersDuplicate()
    {
        var agent = await app.SignInAsync("agent");
        for (var round = 0; round < 3; round++)
        {
            var customer = RepeatTests<TApp>.Customer();
            var both = await Task.WhenAll(
                agent.RegisterAsync(RepeatTests<TApp>.Complaint(customer, Subject, Text) with { Channel = Channel.Phone }),
                agent.RegisterAsync(RepeatTests<TApp>.Complaint(customer, Subject, Text + "!") with { Channel = Channel.Web }));
            var (first, second) = both[0].Id < both[1].Id ? (both[0], both[1]) : (both[1], both[0]);

            var suggestion = Assert.Single((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{second.Id}/links")).Links);
            Assert.Equal((CaseLinkKind.Duplicate, first.Id, true), (suggestion.Kind, suggestion.OtherCaseId, suggestion.CanMerge));
        }
    }

    [Fact]
    public async Task Merge_ClosesTheDuplicate_KeepsItsTimelineAndFilesOnTheSurvivor_AndItsNumberLeadsThere()
    {
        var (agent, first, second, _) = await TwiceAsync();
        var uploaded = await Expect.JsonAsync<AttachmentItem>(await agent.UploadAsync(second.Id, "receipt.txt", "paid twice"u8.ToArray(), "text/plain"), HttpStatusCode.Created);
        var (dup, dupTag) = await agent.GetCaseAsync(second.Id);
        var (survivor, _) = await agent.GetCaseAsync(first.Id);

        await Expect.ProblemAsync(await agent.PostAsync($"/api/v1/cases/{dup.Id}/merge", new MergeRequest(first.Id, survivor.Version)), HttpStatusCode.PreconditionRequired);
        await Expect.ProblemAsync(await agent.PostAsync($"/api/v1/cases/{dup.Id}/merge", new MergeRequest(first.Id, survivor.Version - 1), dupTag), HttpStatusCode.PreconditionFailed);
        var merged = await Expect.JsonAsync<CaseDetails>(await agent.PostAsync($"/api/v1/cases/{dup.Id}/merge", new MergeRequest(first.Id, survivor.Version), dupTag));

        Assert.Equal((CaseStatus.Merged, first.Id, first.Number), (merged.Status, merged.MergedIntoId, merged.MergedIntoNumber));
        var byNumber = await agent.GetAsync($"/api/v1/cases/by-number/{second.Number}");
        Assert.Equal((HttpStatusCode.Redirect, $"/api/v1/cases/{first.Id}"), (byNumber.StatusCode, byNumber.Headers.Location?.OriginalString));
        var timeline = await agent.TimelineAsync(first.Id);
        Assert.Equal(second.Number, Assert.Single(timeline, t => t.Event == TimelineEvent.CaseMerged).Text);
        Assert.Contains(timeline, t => t.Event == TimelineEvent.Registered && t.FromCase == second.Number);
        Assert.Contains(timeline, t => t.Event == TimelineEvent.MergedInto && t.FromCase == second.Number);
        Assert.Equal(TimelineEvent.MergedInto, (await agent.TimelineAsync(second.Id))[^1].Event);
        var files = await agent.GetJsonAsync<List<AttachmentItem>>($"/api/v1/cases/{first.Id}/attachments");
        Assert.Equal((uploaded.Id, second.Number), (Assert.Single(files).Id, files[0].FromCase));
        var download = await agent.GetAsync($"/api/v1/cases/{first.Id}/attachments/{uploaded.Id}");
        Assert.Equal("paid twice", await download.Content.ReadAsStringAsync(Test.Ct));
        var link = Assert.Single((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{first.Id}/links")).Links);
        Assert.NotNull(link.MergedAt);
    }

    [Fact]
    public async Task Merge_AfterTheSurvivorChanged_IsRefused()
    {
        var (agent, first, second, suggestion) = await TwiceAsync();
        var (_, dupTag) = await agent.GetCaseAsync(second.Id);
        await agent.DoAsync(first.Id, "acknowledge", Bodies.Note("Called back."));

        var stale = await agent.PostAsync($"/api/v1/cases/{second.Id}/merge", new MergeRequest(first.Id, suggestion.OtherVersion), dupTag);

        await Expect.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(CaseStatus.Received, (await agent.GetCaseAsync(second.Id)).Case.Status);
    }

    [Fact]
    public async Task Dismiss_ClosesTheSuggestion_OnTheRecord()
    {
        var (agent, _, second, suggestion) = await TwiceAsync();

        await Expect.JsonAsync<CaseDetails>(await agent.PostAsync($"/api/v1/cases/{second.Id}/links/{suggestion.Id}/dismiss", new { }));

        var link = Assert.Single((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{second.Id}/links")).Links);
        Assert.Equal((false, false, true), (link.CanMerge, link.CanDismiss, link.DismissedAt is not null && link.DismissedBy is not null));
        Assert.Equal(TimelineEvent.DuplicateDismissed, (await agent.TimelineAsync(second.Id))[^1].Event);
        await Expect.ProblemAsync(await agent.PostAsync($"/api/v1/cases/{second.Id}/links/{suggestion.Id}/dismiss", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AHandlerOutsideBothCases_CannotSeeOrMergeThem()
    {
        var (_, first, second, _) = await TwiceAsync();
        var handler = await app.SignInAsync("handler");

        await Expect.ProblemAsync(await handler.GetAsync($"/api/v1/cases/{second.Id}/links"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await handler.PostAsync($"/api/v1/cases/{second.Id}/merge", new MergeRequest(first.Id, 1), "\"1\""), HttpStatusCode.NotFound);
    }
}

public sealed class DuplicatesOnSqlite(RepeatSqliteApp app) : DuplicateTests<RepeatSqliteApp>(app);

public sealed class DuplicatesOnPostgres(RepeatPostgresApp app) : DuplicateTests<RepeatPostgresApp>(app);
