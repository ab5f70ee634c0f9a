namespace Redress.Components;

/// <summary>
/// The UI's strings: Ui.resx (English) and Ui.zh-CN.resx. Keys name the place ("Queue.Mine") so a missing
/// translation shows as its key, and UiTextTests fails when the two files do not have the same keys.
/// </summary>
public sealed class Ui;
