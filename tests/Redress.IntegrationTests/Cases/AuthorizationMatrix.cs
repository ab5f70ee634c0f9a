namespace Redress.IntegrationTests.Cases;

/// <summary>The expected answer of each endpoint to each demo user (R-SEC-1).</summary>
public static class AuthorizationMatrix
{
    private const string Expected = """
        action                agent handler handler2 lead quality executive admin auditor
        register              201   201     201      201  403     403       403   403
        acknowledge           200   200     404      200  403     403       403   403
        classify              200   200     404      200  200     403       403   403
        assign                200   403     404      200  403     403       403   403
        start-investigation   403   200     404      200  403     403       403   403
        findings              403   200     404      200  403     403       403   403
        evidence              200   200     404      200  403     403       403   403
        propose-solution      403   200     404      200  403     403       403   403
        approve               403   403     404      403  403     200       403   403
        reject                403   403     404      403  403     200       403   403
        implement             403   200     404      200  403     403       403   403
        request-confirmation  200   200     404      200  403     403       403   403
        confirmation          200   200     404      200  403     403       403   403
        review                403   403     404      200  200     403       403   403
        rating                200   403     404      403  200     403       403   403
        withdraw              200   200     404      200  403     403       403   403
        refer                 200   403     404      200  403     403       403   403
        communications        200   200     404      200  403     403       403   403
        notes                 200   200     404      200  200     200       403   403
        attachments           201   201     404      201  403     403       403   403
        extension             403   200     404      200  403     403       403   403
        """;

    public static TheoryData<string, string, int> Cells()
    {
        var lines = Expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var users = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var data = new TheoryData<string, string, int>();
        foreach (var line in lines[1..])
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var u = 0; u < users.Length; u++) data.Add(cells[0], users[u], int.Parse(cells[u + 1], System.Globalization.CultureInfo.InvariantCulture));
        }
        return data;
    }
}
