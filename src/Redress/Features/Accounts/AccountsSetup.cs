using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Redress.Data;
using Redress.Web;

namespace Redress.Features.Accounts;

public static class AccountsSetup
{
    private const string ChallengeScheme = "Redress.Challenge";

    /// <summary>
    /// ASP.NET Core Identity with both doors: a cookie for the browser, bearer tokens for API clients
    /// (Identity's own token handler, refreshable). Lockout after 5 failed sign-ins for 15 minutes.
    /// </summary>
    public static WebApplicationBuilder AddRedressAccounts(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        // Keys in the data folder: tokens and cookies stay valid across restarts and between instances
        // that share the folder.
        builder.Services.AddDataProtection()
            .SetApplicationName("Redress")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")));

        builder.Services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RedressDb>()
            .AddClaimsPrincipalFactory<RedressClaimsFactory>();

        // Requests are authenticated by bearer token or cookie (Identity's composite scheme); a challenge goes
        // to the door the caller came through: the API answers 401, a page redirects to the sign-in page.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultChallengeScheme = ChallengeScheme;
                o.DefaultForbidScheme = ChallengeScheme;
            })
            .AddPolicyScheme(ChallengeScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "redress.auth";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // The API answers 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure(o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy("Admin", p => p.RequireRole(nameof(Domain.Cases.Role.Admin)));
        return builder;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts roles, departments and the display name into the sign-in, so requests need no lookups.</summary>
internal sealed class RedressClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, RedressDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentActor.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(CurrentActor.LanguageClaim, user.Language));
        var departments = await db.UserDepartments.Where(d => d.UserId == user.Id).Select(d => d.DepartmentId).ToListAsync();
        foreach (var d in departments) identity.AddClaim(new Claim(CurrentActor.DepartmentClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
