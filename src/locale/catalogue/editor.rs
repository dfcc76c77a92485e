//! The editor's words (`tablica edit`, "Redakcja"): its screens, buttons and refusals.

catalogue! {
    /// The editor's screens.
    Editor {
        AppName: "Redakcja – the site editor", "Redakcja – edytor strony";
        SkipToContent: "Skip to content", "Przejdź do treści";
        Menu: "Editor menu", "Menu redakcji";
        AllDocuments: "Posts, projects and pages", "Wpisy, projekty i strony";
        NewDocument: "New post or page", "Nowy wpis lub strona";
        Bin: "Bin", "Kosz";
        SitePreview: "Site preview", "Podgląd strony";
        LogIn: "Log in", "Zaloguj się";
        LogOut: "Log out", "Wyloguj się";
        LoginExplain: "Open the one-time link printed in the terminal where tablica runs, or enter the password.",
            "Otwórz jednorazowy link wypisany w terminalu, w którym działa tablica, albo wpisz hasło.";
        Password: "Password", "Hasło";
        LoginWrong: "The link or password is wrong or was already used. Check it and try again.",
            "Link lub hasło jest nieprawidłowe albo zostało już użyte. Sprawdź je i spróbuj ponownie.";
        LoginTooMany: "Too many failed attempts. Wait a minute and try again.",
            "Zbyt wiele nieudanych prób. Poczekaj minutę i spróbuj ponownie.";
        Refused: "This could not be done", "Nie udało się tego zrobić";
        OtherOrigin: "The request did not come from the editor's own page. Open the editor again and repeat what you did.",
            "Żądanie nie przyszło ze strony redakcji. Otwórz redakcję ponownie i powtórz, co robiłeś.";
        NoSession: "Your session has ended. Log in again; your changes are kept in this browser.",
            "Twoja sesja się skończyła. Zaloguj się ponownie; zmiany są zachowane w tej przeglądarce.";
        BadCsrf: "The form is out of date (the editor was restarted or you logged in again). Go back, reload the page and save again.",
            "Formularz jest nieaktualny (redakcję uruchomiono ponownie albo zalogowano się od nowa). Wróć, odśwież stronę i zapisz jeszcze raz.";
        NotFound: "There is no such page in the editor", "Nie ma takiej strony w redakcji";
        BackToList: "Back to the list", "Wróć do listy";
        BackToDocument: "Back to the document", "Wróć do dokumentu";
        BadPath: "This is not a document of the site (posts, projects or pages in content/).",
            "To nie jest dokument strony (wpisy, projekty lub strony w content/).";
        Missing: "The file does not exist (any more). It may have been moved to the bin.",
            "Plik nie istnieje (już). Mógł zostać przeniesiony do kosza.";
        Exists: "A file of that name exists already; nothing was replaced.", "Plik o tej nazwie już istnieje; niczego nie zastąpiono.";
        CannotWrite: "The file could not be read or written", "Nie udało się odczytać lub zapisać pliku";
        ThereIsAProblem: "There is a problem", "Jest problem";
        Error: "Error", "Błąd";
        Warnings: "To check (the post will still be published)", "Do sprawdzenia (wpis i tak zostanie opublikowany)";
        File: "File:", "Plik:";
        Text: "Text", "Treść";
        TextHint: "Markdown: ## for a heading, **bold**, - for a list, [text](address) for a link. Ctrl+B bolds, Ctrl+K adds a link.",
            "Markdown: ## nagłówek, **pogrubienie**, - lista, [tekst](adres) link. Ctrl+B pogrubia, Ctrl+K dodaje link.";
        Save: "Save", "Zapisz";
        Saved: "Saved. The preview of the site is being updated.", "Zapisano. Podgląd strony się odświeża.";
        Preview: "Preview", "Podgląd";
        MoreActions: "More", "Więcej";
        History: "Earlier versions", "Wcześniejsze wersje";
        Duplicate: "Duplicate as a new draft", "Powiel jako nowy szkic";
        Delete: "Move to the bin", "Przenieś do kosza";
        Copy: "copy", "kopia";
        MovedToBin: "Moved to the bin. You can restore it from the bin.", "Przeniesiono do kosza. Możesz go przywrócić z kosza.";
        Restored: "Restored.", "Przywrócono.";
        Restore: "Restore", "Przywróć";
        BinExplain: "Deleted posts and pages wait here until you restore them. Nothing is removed for good from the editor.",
            "Usunięte wpisy i strony czekają tu, aż je przywrócisz. Z redakcji nic nie jest usuwane na zawsze.";
        BinEmpty: "The bin is empty.", "Kosz jest pusty.";
        NoHistory: "There are no earlier versions yet: each save keeps the version before it.",
            "Nie ma jeszcze wcześniejszych wersji: każdy zapis zachowuje poprzednią.";
        VersionOf: "Version saved before", "Wersja sprzed zapisu";
        ConflictTitle: "The file was changed by someone else", "Plik zmienił ktoś inny";
        ConflictExplain: "Since you opened it, the file was changed on the disk (by a colleague, another tab or a program). Nothing was saved. Compare the two versions and choose.",
            "Od chwili otwarcia plik został zmieniony na dysku (przez współpracownika, inną kartę lub program). Niczego nie zapisano. Porównaj obie wersje i wybierz.";
        MyVersion: "Your version (not saved)", "Twoja wersja (niezapisana)";
        DiskVersion: "The version on the disk now", "Wersja, która jest teraz na dysku";
        WhatNow: "What do you want to do?", "Co chcesz zrobić?";
        KeepMine: "Save my version (the other one is kept in the earlier versions)", "Zapisz moją wersję (tamta trafi do wcześniejszych wersji)";
        TakeTheirs: "Open the version on the disk (copy your changes first: they will not be kept)",
            "Otwórz wersję z dysku (najpierw skopiuj swoje zmiany: nie zostaną zachowane)";
        Search: "Search titles", "Szukaj w tytułach";
        Kind: "Kind", "Rodzaj";
        State: "Status", "Stan";
        Project: "Project", "Projekt";
        Tag: "Tag", "Tag (słowo kluczowe)";
        Year: "Year", "Rok";
        Order: "Order", "Kolejność";
        NewestFirst: "newest first", "od najnowszych";
        OldestFirst: "oldest first", "od najstarszych";
        All: "all", "wszystkie";
        Filter: "Show", "Pokaż";
        Found: "{n|document|documents}", "{n|dokument|dokumenty|dokumentów}";
        TitleColumn: "Title", "Tytuł";
        DateColumn: "Date", "Data";
        Post: "post", "wpis";
        Posts: "posts", "wpisy";
        Page: "page", "strona";
        Pages: "pages", "strony";
        Projects: "projects", "projekty";
        StateDraft: "draft", "szkic";
        StateScheduled: "scheduled", "zaplanowany";
        StatePublished: "published", "opublikowany";
        Broken: "(has errors)", "(ma błędy)";
        NoneChosen: "none", "brak";
        NotANumber: "Enter a whole number, e.g. 45", "Wpisz liczbę całkowitą, np. 45";
        NotYaml: "This is not valid YAML: write `key: value` lines, indented with spaces",
            "To nie jest poprawny YAML: pisz wiersze `klucz: wartość`, wcięte spacjami";
        Template: "Template", "Szablon";
        TemplateHint: "What kind of text you are writing; you can change everything afterwards",
            "Jaki tekst piszesz; wszystko można potem zmienić";
        TemplateInvitation: "Invitation to an event", "Zaproszenie na wydarzenie";
        TemplateRecruitment: "Recruitment", "Rekrutacja";
        TemplateSummary: "Project summary", "Podsumowanie projektu";
        TemplateAnnouncement: "Announcement", "Ogłoszenie";
        TemplateProject: "Project page", "Strona projektu";
        TemplatePage: "Page", "Strona";
        SiteTemplate: "the site's template", "szablon strony";
        ChooseTemplate: "Choose a template", "Wybierz szablon";
        TitleNeeded: "Enter a title", "Wpisz tytuł";
        Create: "Create a draft", "Utwórz szkic";
        ServingEditor: "The editor: {url}", "Redakcja: {url}";
        LoginLink: "To log in from another device, open (once): {url}", "Aby zalogować się z innego urządzenia, otwórz (jednorazowo): {url}";
        OpenToNetwork: "the editor is open to the network at {bind}: only people with the one-time link or the password can log in",
            "redakcja jest otwarta w sieci pod {bind}: zalogować się mogą tylko osoby z jednorazowym linkiem lub hasłem";
    }
}
