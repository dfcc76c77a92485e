//! Messages about the theme and the writing of the output.

catalogue! {
    /// Problems with the theme's files and templates.
    Templates {
        CannotRead: "cannot read theme file {path}: {error}", "nie można odczytać pliku motywu {path}: {error}";
        NotText: "theme file {path} is not UTF-8 text", "plik motywu {path} nie jest tekstem UTF-8";
        NotTextDetail: "the file is not valid UTF-8 text", "plik nie jest poprawnym tekstem UTF-8";
        Template: "template error: {error}", "błąd szablonu: {error}";
        Translations: "translation file {path} is not valid: {error}", "plik tłumaczeń {path} jest błędny: {error}";
        MissingLanguage: "the theme has no translation file i18n/{lang}.yaml", "motyw nie ma pliku tłumaczeń i18n/{lang}.yaml";
        Prefix: "theme: {error}", "motyw: {error}";
        CannotRender: "cannot render {page} with template {template}: {error}", "nie można utworzyć strony {page} z szablonu {template}: {error}";
    }
}
