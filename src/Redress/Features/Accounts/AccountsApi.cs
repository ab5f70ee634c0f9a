using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Redress.Domain;
using Redress.Web;

namespace Redress.Features.Accounts;

public sealed record SignInRequest(
    [property: Required, StringLength(100)] string UserName,
    [property: Required, StringLength(200)] string Password);

public sealed record RefreshRequest([property: Required] string RefreshToken);

public sealed record Me(string Id, string UserName, string DisplayName, string Language, IReadOnlyList<string> Roles, IReadOnlyList<int> DepartmentIds);

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts").AllowAnonymous();
        auth.MapPost("/token", (SignInRequest body, SignInManager<AppUser> signIn) => SignInAsync(body, signIn, IdentityConstants.BearerScheme))
            .WithSummary("Sign in an API client: returns a bearer access token (1 h) and a refresh token.");
        auth.MapPost("/login", (SignInRequest body, SignInManager<AppUser> signIn) => SignInAsync(body, signIn, IdentityConstants.ApplicationScheme))
            .WithSummary("Sign in a browser: sets the session cookie.");
        auth.MapPost("/refresh", RefreshAsync);
        api.MapPost("/auth/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).WithTags("Accounts");
        api.MapGet("/me", (ClaimsPrincipal user) =>
        {
            var actor = user.ToActor();
            return TypedResults.Ok(new Me(actor.UserId, user.Identity?.Name ?? "", actor.Name,
                user.FindFirstValue(CurrentActor.LanguageClaim) ?? "zh-CN",
                [.. actor.Roles.Select(r => r.ToString())], [.. actor.DepartmentIds]));
        }).WithTags("Accounts");
        return auth;
    }

    /// <summary>As Identity's own MapIdentityApi does it: the scheme's sign-in writes the cookie or the token.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> SignInAsync(SignInRequest body, SignInManager<AppUser> signIn, string scheme)
    {
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(body.UserName, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty;
        var error = result.IsLockedOut
            ? new Error("locked_out", "Too many failed sign-ins: this account is locked for 15 minutes.", ErrorKind.Validation)
            : result.IsNotAllowed
                ? new Error("not_allowed", "This account may not sign in.", ErrorKind.Validation)
                : new Error("bad_credentials", "The user name or password is wrong.", ErrorKind.Validation);
        return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    private static async Task<Results<EmptyHttpResult, ChallengeHttpResult, SignInHttpResult>> RefreshAsync(
        RefreshRequest body, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
