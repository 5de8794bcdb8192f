<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>AddCourseDialog</name>
        <message>
            <source>Add a course</source>
            <translation>Add a course</translation>
        </message>
        <message>
            <source>From a file or USB stick</source>
            <translation>From a file or USB stick</translation>
        </message>
        <message>
            <source>From a web address</source>
            <translation>From a web address</translation>
        </message>
        <message>
            <source>&amp;Choose a file…</source>
            <translation>&amp;Choose a file…</translation>
        </message>
        <message>
            <source>Paste the address a trainer gave you. You will see the size before anything is downloaded; an interrupted download continues where it stopped.</source>
            <translation>Paste the address a trainer gave you. You will see the size before anything is downloaded; an interrupted download continues where it stopped.</translation>
        </message>
        <message>
            <source>&amp;Web address:</source>
            <translation>&amp;Web address:</translation>
        </message>
        <message>
            <source>Web address of the course</source>
            <translation>Web address of the course</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Check</translation>
        </message>
        <message>
            <source>Course:</source>
            <translation>Course:</translation>
        </message>
        <message>
            <source>&amp;Video quality:</source>
            <translation>&amp;Video quality:</translation>
        </message>
        <message>
            <source>Download:</source>
            <translation>Download:</translation>
        </message>
        <message>
            <source>Cancel download</source>
            <translation>Cancel download</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Resume</translation>
        </message>
        <message>
            <source>&amp;Update</source>
            <translation>&amp;Update</translation>
        </message>
        <message>
            <source>&amp;Install</source>
            <translation>&amp;Install</translation>
        </message>
        <message>
            <source>Everything in the package</source>
            <translation>Everything in the package</translation>
        </message>
        <message>
            <source>Good (480p)</source>
            <translation>Good (480p)</translation>
        </message>
        <message>
            <source>Medium (360p)</source>
            <translation>Medium (360p)</translation>
        </message>
        <message>
            <source>Light (240p)</source>
            <translation>Light (240p)</translation>
        </message>
        <message>
            <source>Lightest video</source>
            <translation>Lightest video</translation>
        </message>
        <message>
            <source>Sound only</source>
            <translation>Sound only</translation>
        </message>
        <message>
            <source>Choose a course package</source>
            <translation>Choose a course package</translation>
        </message>
        <message>
            <source>Course packages (*.zip course.json);;All files (*)</source>
            <translation>Course packages (*.zip course.json);;All files (*)</translation>
        </message>
        <message>
            <source>Reading the course…</source>
            <translation>Reading the course…</translation>
        </message>
        <message>
            <source>%1, version %2</source>
            <translation>%1, version %2</translation>
        </message>
        <message>
            <source>already installed: version %1</source>
            <translation>already installed: version %1</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>%1 to copy or download; %2 free on this computer.</source>
            <translation>%1 to copy or download; %2 free on this computer.</translation>
        </message>
        <message>
            <source>Not enough free space.</source>
            <translation>Not enough free space.</translation>
        </message>
        <message>
            <source>This version is already installed; nothing to copy.</source>
            <translation>This version is already installed; nothing to copy.</translation>
        </message>
        <message>
            <source>Installing…</source>
            <translation>Installing…</translation>
        </message>
        <message>
            <source>The course is installed. You can open it from the library.</source>
            <translation>The course is installed. You can open it from the library.</translation>
        </message>
        <message>
            <source>Cancelled. What was downloaded is kept: press Resume to continue.</source>
            <translation>Cancelled. What was downloaded is kept: press Resume to continue.</translation>
        </message>
        <message>
            <source>Or choose a course package yourself: a .zip file, or the course.json of a course folder. No network is needed.</source>
            <translation>Or choose a course package yourself: a .zip file, or the course.json of a course folder. No network is needed.</translation>
        </message>
        <message>
            <source>The publisher's key changed: confirm or cancel.</source>
            <translation>The publisher's key changed: confirm or cancel.</translation>
        </message>
        <message>
            <source>The publisher's key changed</source>
            <translation>The publisher's key changed</translation>
        </message>
        <message>
            <source>“%1” was signed with another key when it was installed here. Accept the new key only if the publisher told you it changed its key: otherwise this copy may have been altered.</source>
            <translation>“%1” was signed with another key when it was installed here. Accept the new key only if the publisher told you it changed its key: otherwise this copy may have been altered.</translation>
        </message>
        <message>
            <source>&amp;Keep the old key</source>
            <translation>&amp;Keep the old key</translation>
        </message>
        <message>
            <source>It was signed until now by an unknown key (%1); a key you trust took it over.</source>
            <translation>It was signed until now by an unknown key (%1); a key you trust took it over.</translation>
        </message>
        <message>
            <source>Key used until now:
%1 (%3)

Key of this package:
%2 (%4)</source>
            <translation>Key used until now:
%1 (%3)

Key of this package:
%2 (%4)</translation>
        </message>
        <message>
            <source>&amp;Accept the new key</source>
            <translation>&amp;Accept the new key</translation>
        </message>
        <message>
            <source>Not installed: the key used until now is kept.</source>
            <translation>Not installed: the key used until now is kept.</translation>
        </message>
        <message>
            <source>Courses available on the network</source>
            <translation>Courses available on the network</translation>
        </message>
    </context>
    <context>
        <name>CourseListModel</name>
        <message>
            <source>%1 · version %2 · %3</source>
            <translation>%1 · version %2 · %3</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>%1 lessons of %2</source>
            <translation>%1 lessons of %2</translation>
        </message>
        <message>
            <source>More actions</source>
            <translation>More actions</translation>
        </message>
        <message>
            <source>Press Enter to continue this course, or the Menu key to copy it to a USB stick or remove it.</source>
            <translation>Press Enter to continue this course, or the Menu key to copy it to a USB stick or remove it.</translation>
        </message>
        <message>
            <source>Press Enter to start this course, or the Menu key to copy it to a USB stick or remove it.</source>
            <translation>Press Enter to start this course, or the Menu key to copy it to a USB stick or remove it.</translation>
        </message>
    </context>
    <context>
        <name>DashboardDialog</name>
        <message>
            <source>Trainer dashboard</source>
            <translation>Trainer dashboard</translation>
        </message>
        <message>
            <source>Trainer PIN</source>
            <translation>Trainer PIN</translation>
        </message>
        <message>
            <source>&amp;Open the dashboard</source>
            <translation>&amp;Open the dashboard</translation>
        </message>
        <message>
            <source>Workshop progress</source>
            <translation>Workshop progress</translation>
        </message>
        <message>
            <source>&amp;Course:</source>
            <translation>&amp;Course:</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Learner</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Lessons</source>
            <translation>Lessons</translation>
        </message>
        <message>
            <source>Best score</source>
            <translation>Best score</translation>
        </message>
        <message>
            <source>Time spent</source>
            <translation>Time spent</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>Last activity</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Learners and modules</source>
            <translation>Learners and modules</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Average best score</source>
            <translation>Average best score</translation>
        </message>
        <message>
            <source>Per module: learners who completed it, average</source>
            <translation>Per module: learners who completed it, average</translation>
        </message>
        <message>
            <source>&amp;Import a laptop's progress file…</source>
            <translation>&amp;Import a laptop's progress file…</translation>
        </message>
        <message>
            <source>Export &amp;CSV…</source>
            <translation>Export &amp;CSV…</translation>
        </message>
        <message>
            <source>&amp;Print the selected learner's summary (PDF)…</source>
            <translation>&amp;Print the selected learner's summary (PDF)…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>All courses</source>
            <translation>All courses</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>Wrong PIN.</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>complete</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>locked</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>not reported</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 waiting</translation>
        </message>
        <message>
            <source>all sent</source>
            <translation>all sent</translation>
        </message>
        <message>
            <source>rejected by the LRS</source>
            <translation>rejected by the LRS</translation>
        </message>
        <message>
            <source>Imported from: %1</source>
            <translation>Imported from: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n learner(s)</source>
            <translation>
                <numerusform>%n learner</numerusform>
                <numerusform>%n learners</numerusform>
            </translation>
        </message>
        <message>
            <source>Progress file</source>
            <translation>Progress file</translation>
        </message>
        <message>
            <source>Progress files (*.jsonl);;All files (*)</source>
            <translation>Progress files (*.jsonl);;All files (*)</translation>
        </message>
        <message>
            <source>%1: %2 new (%3 merged into progress, %4 not merged), %5 already here, %6 rejected line(s).</source>
            <translation>%1: %2 new (%3 merged into progress, %4 not merged), %5 already here, %6 rejected line(s).</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>%1 row(s) written to %2</source>
            <translation>%1 row(s) written to %2</translation>
        </message>
        <message>
            <source>Select a learner's row first.</source>
            <translation>Select a learner's row first.</translation>
        </message>
        <message>
            <source>Learner summary</source>
            <translation>Learner summary</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Summary written to %1</source>
            <translation>Summary written to %1</translation>
        </message>
        <message>
            <source>&amp;Trainer PIN…</source>
            <translation>&amp;Trainer PIN…</translation>
        </message>
        <message>
            <source>Type the trainer PIN first.</source>
            <translation>Type the trainer PIN first.</translation>
        </message>
        <message>
            <source>The trainer PIN is set.</source>
            <translation>The trainer PIN is set.</translation>
        </message>
        <message>
            <source>The trainer PIN was removed.</source>
            <translation>The trainer PIN was removed.</translation>
        </message>
        <message>
            <source>&amp;Module:</source>
            <translation>&amp;Module:</translation>
        </message>
        <message>
            <source>part of a module's title</source>
            <translation>part of a module's title</translation>
        </message>
        <message>
            <source>Show only the modules containing</source>
            <translation>Show only the modules containing</translation>
        </message>
        <message>
            <source>L&amp;earner:</source>
            <translation>L&amp;earner:</translation>
        </message>
        <message>
            <source>part of a name</source>
            <translation>part of a name</translation>
        </message>
        <message>
            <source>Show only the learners containing</source>
            <translation>Show only the learners containing</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>% of the learners who completed it, average best quiz score</source>
            <translation>% of the learners who completed it, average best quiz score</translation>
        </message>
        <message>
            <source>Modules</source>
            <translation>Modules</translation>
        </message>
        <message>
            <source>E&amp;very learner's progress to a USB stick…</source>
            <translation>E&amp;very learner's progress to a USB stick…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>TrainerPinPage</name>
        <message>
            <source>Protect this dashboard with a trainer PIN?</source>
            <translation>Protect this dashboard with a trainer PIN?</translation>
        </message>
        <message>
            <source>Several learners use this computer. With a trainer PIN, only you can open this dashboard, import progress files and export results. 4 to 8 digits.</source>
            <translation>Several learners use this computer. With a trainer PIN, only you can open this dashboard, import progress files and export results. 4 to 8 digits.</translation>
        </message>
        <message>
            <source>&amp;Not now</source>
            <translation>&amp;Not now</translation>
        </message>
        <message>
            <source>Trainer PIN</source>
            <translation>Trainer PIN</translation>
        </message>
        <message>
            <source>Only someone who knows the trainer PIN can open this dashboard, import progress files and export results. 4 to 8 digits.</source>
            <translation>Only someone who knows the trainer PIN can open this dashboard, import progress files and export results. 4 to 8 digits.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;New trainer PIN:</source>
            <translation>&amp;New trainer PIN:</translation>
        </message>
        <message>
            <source>New trainer PIN &amp;again:</source>
            <translation>New trainer PIN &amp;again:</translation>
        </message>
        <message>
            <source>New trainer PIN</source>
            <translation>New trainer PIN</translation>
        </message>
        <message>
            <source>New trainer PIN again</source>
            <translation>New trainer PIN again</translation>
        </message>
        <message>
            <source>&amp;Set the trainer PIN</source>
            <translation>&amp;Set the trainer PIN</translation>
        </message>
        <message>
            <source>&amp;Remove the trainer PIN</source>
            <translation>&amp;Remove the trainer PIN</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>A PIN has 4 to 8 digits.</translation>
        </message>
        <message>
            <source>The two PINs differ. Type them again.</source>
            <translation>The two PINs differ. Type them again.</translation>
        </message>
    </context>
    <context>
        <name>LearnerDialog</name>
        <message>
            <source>Switch learner</source>
            <translation>Switch learner</translation>
        </message>
        <message>
            <source>Who is learning?</source>
            <translation>Who is learning?</translation>
        </message>
        <message>
            <source>Learners on this computer</source>
            <translation>Learners on this computer</translation>
        </message>
        <message>
            <source>&amp;PIN:</source>
            <translation>&amp;PIN:</translation>
        </message>
        <message>
            <source>PIN of the chosen learner</source>
            <translation>PIN of the chosen learner</translation>
        </message>
        <message>
            <source>New learner</source>
            <translation>New learner</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;E-mail (optional):</source>
            <translation>&amp;E-mail (optional):</translation>
        </message>
        <message>
            <source>P&amp;IN (optional, 4 to 8 digits):</source>
            <translation>P&amp;IN (optional, 4 to 8 digits):</translation>
        </message>
        <message>
            <source>Name of the new learner</source>
            <translation>Name of the new learner</translation>
        </message>
        <message>
            <source>E-mail of the new learner</source>
            <translation>E-mail of the new learner</translation>
        </message>
        <message>
            <source>PIN of the new learner</source>
            <translation>PIN of the new learner</translation>
        </message>
        <message>
            <source>&amp;Add this learner</source>
            <translation>&amp;Add this learner</translation>
        </message>
        <message>
            <source>&amp;Switch</source>
            <translation>&amp;Switch</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>%1 (current)</source>
            <translation>%1 (current)</translation>
        </message>
        <message>
            <source>Protected by a PIN</source>
            <translation>Protected by a PIN</translation>
        </message>
        <message>
            <source>Enter %1's PIN.</source>
            <translation>Enter %1's PIN.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>Wrong PIN. Try again.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>A PIN has 4 to 8 digits.</translation>
        </message>
        <message>
            <source>%1 was added. Press Switch to continue as %1.</source>
            <translation>%1 was added. Press Switch to continue as %1.</translation>
        </message>
        <message>
            <source>My &amp;PIN…</source>
            <translation>My &amp;PIN…</translation>
        </message>
        <message>
            <source>Set, change or remove the PIN of %1</source>
            <translation>Set, change or remove the PIN of %1</translation>
        </message>
        <message>
            <source>Your PIN is set.</source>
            <translation>Your PIN is set.</translation>
        </message>
        <message>
            <source>Your PIN was removed.</source>
            <translation>Your PIN was removed.</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Course Player</source>
            <translation>Course Player</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Continue</translation>
        </message>
    </context>
    <context>
        <name>LibraryScreen</name>
        <message>
            <source>My courses</source>
            <translation>My courses</translation>
        </message>
        <message>
            <source>Add a course…</source>
            <translation>Add a course…</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Add a course</translation>
        </message>
        <message>
            <source>No course is installed yet. Add one from a file, a USB stick or a web address; everything then works without a network.</source>
            <translation>No course is installed yet. Add one from a file, a USB stick or a web address; everything then works without a network.</translation>
        </message>
        <message>
            <source>Export my progress to a USB stick…</source>
            <translation>Export my progress to a USB stick…</translation>
        </message>
        <message>
            <source>Remove a course</source>
            <translation>Remove a course</translation>
        </message>
        <message>
            <source>Remove “%1” from this computer?</source>
            <translation>Remove “%1” from this computer?</translation>
        </message>
        <message>
            <source>The learners&apos; progress is kept: installing the course again brings it back.</source>
            <translation>The learners&apos; progress is kept: installing the course again brings it back.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Keep it</translation>
        </message>
        <message>
            <source>Copy to a USB stick…</source>
            <translation>Copy to a USB stick…</translation>
        </message>
        <message>
            <source>Remove from this computer…</source>
            <translation>Remove from this computer…</translation>
        </message>
        <message>
            <source>More actions for %1</source>
            <translation>More actions for %1</translation>
        </message>
        <message>
            <source>Arrow keys move between courses; Enter opens the course.</source>
            <translation>Arrow keys move between courses; Enter opens the course.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Learner</source>
            <translation>Learner</translation>
        </message>
        <message>
            <source>Course Player</source>
            <translation>Course Player</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Library</translation>
        </message>
        <message>
            <source>Your courses (Ctrl+Home)</source>
            <translation>Your courses (Ctrl+Home)</translation>
        </message>
        <message>
            <source>&amp;Add a course…</source>
            <translation>&amp;Add a course…</translation>
        </message>
        <message>
            <source>Install a course from a file, a USB stick or the web</source>
            <translation>Install a course from a file, a USB stick or the web</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>Learner: %1</source>
            <translation>Learner: %1</translation>
        </message>
        <message>
            <source>Switch learner (Ctrl+L)</source>
            <translation>Switch learner (Ctrl+L)</translation>
        </message>
        <message>
            <source>Offline mode</source>
            <translation>Offline mode</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Connection: %1</source>
            <translation>Connection: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) waiting to be sent</source>
            <translation>
                <numerusform>%n result waiting to be sent</numerusform>
                <numerusform>%n results waiting to be sent</numerusform>
            </translation>
        </message>
        <message>
            <source>All sent at %1</source>
            <translation>All sent at %1</translation>
        </message>
        <message>
            <source>Nothing to send</source>
            <translation>Nothing to send</translation>
        </message>
        <message>
            <source>An app update is available on the hub</source>
            <translation>An app update is available on the hub</translation>
        </message>
        <message>
            <source>Version %1. To install it, close the app and run: %2</source>
            <translation>Version %1. To install it, close the app and run: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n refused by the server</source>
            <translation>
                <numerusform>%n refused by the server</numerusform>
                <numerusform>%n refused by the server</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot open this lesson</source>
            <translation>Cannot open this lesson</translation>
        </message>
        <message>
            <source>&amp;Trainer dashboard</source>
            <translation>&amp;Trainer dashboard</translation>
        </message>
        <message>
            <source>Who is where in the workshop: learners × modules (Ctrl+Shift+D)</source>
            <translation>Who is where in the workshop: learners × modules (Ctrl+Shift+D)</translation>
        </message>
        <message>
            <source>Sync details…</source>
            <translation>Sync details…</translation>
        </message>
        <message>
            <source>What is waiting to be sent, and what the server refused</source>
            <translation>What is waiting to be sent, and what the server refused</translation>
        </message>
        <message>
            <source>Share in a &amp;workshop…</source>
            <translation>Share in a &amp;workshop…</translation>
        </message>
        <message>
            <source>Share this laptop's courses over the local Wi-Fi, or pair with a hub</source>
            <translation>Share this laptop's courses over the local Wi-Fi, or pair with a hub</translation>
        </message>
        <message>
            <source>Back (Alt+Left)</source>
            <translation>Back (Alt+Left)</translation>
        </message>
        <message>
            <source>Settings (Ctrl+,)</source>
            <translation>Settings (Ctrl+,)</translation>
        </message>
        <message>
            <source>Install a course from a file, a USB stick or the web (Ctrl+O)</source>
            <translation>Install a course from a file, a USB stick or the web (Ctrl+O)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Every keyboard shortcut of the app (F1)</source>
            <translation>Every keyboard shortcut of the app (F1)</translation>
        </message>
        <message>
            <source>More actions</source>
            <translation>More actions</translation>
        </message>
    </context>
    <context>
        <name>OutlineScreen</name>
        <message>
            <source>← Library</source>
            <translation>← Library</translation>
        </message>
        <message>
            <source>Back to the library</source>
            <translation>Back to the library</translation>
        </message>
        <message>
            <source>Back to the library (Alt+Left)</source>
            <translation>Back to the library (Alt+Left)</translation>
        </message>
        <message>
            <source>Loading the course…</source>
            <translation>Loading the course…</translation>
        </message>
        <message>
            <source>Continue where I stopped</source>
            <translation>Continue where I stopped</translation>
        </message>
        <message>
            <source>Course complete: all %1 lessons done. Well done!</source>
            <translation>Course complete: all %1 lessons done. Well done!</translation>
        </message>
        <message>
            <source>%1 of %2 lessons done</source>
            <translation>%1 of %2 lessons done</translation>
        </message>
        <message>
            <source>Nothing left to do</source>
            <translation>Nothing left to do</translation>
        </message>
        <message>
            <source>Start the course</source>
            <translation>Start the course</translation>
        </message>
        <message>
            <source>Opens “%1”</source>
            <translation>Opens “%1”</translation>
        </message>
        <message>
            <source>Module complete.</source>
            <translation>Module complete.</translation>
        </message>
        <message>
            <source>%1 of %2 lessons done.</source>
            <translation>%1 of %2 lessons done.</translation>
        </message>
        <message>
            <source>Locked: finish the module before.</source>
            <translation>Locked: finish the module before.</translation>
        </message>
        <message>
            <source>reach %1 in “%2” (%3)</source>
            <translation>reach %1 in “%2” (%3)</translation>
        </message>
        <message>
            <source> — best so far %1</source>
            <translation> — best so far %1</translation>
        </message>
        <message>
            <source>finish “%1”</source>
            <translation>finish “%1”</translation>
        </message>
        <message>
            <source>finish the other %1 lessons of “%2”</source>
            <translation>finish the other %1 lessons of “%2”</translation>
        </message>
        <message>
            <source>Locked: complete “%1” first.</source>
            <translation>Locked: complete “%1” first.</translation>
        </message>
        <message>
            <source>Locked. To open it: %1.</source>
            <translation>Locked. To open it: %1.</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>Quiz</source>
            <translation>Quiz</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Survey</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>locked</translation>
        </message>
        <message>
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <source>passed, best %1</source>
            <translation>passed, best %1</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in progress</translation>
        </message>
        <message>
            <source>best %1, %2 needed</source>
            <translation>best %1, %2 needed</translation>
        </message>
        <message>
            <source>to do</source>
            <translation>to do</translation>
        </message>
        <message>
            <source>▶ Next: %1</source>
            <translation>▶ Next: %1</translation>
        </message>
        <message>
            <source>; </source>
            <comment>between the steps that open a module</comment>
            <translation>; </translation>
        </message>
        <message numerus="yes">
            <source>%n optional survey(s), not counted.</source>
            <translation>
                <numerusform>%n optional survey, not counted.</numerusform>
                <numerusform>%n optional surveys, not counted.</numerusform>
            </translation>
        </message>
        <message>
            <source>Locked module</source>
            <translation>Locked module</translation>
        </message>
        <message>
            <source>Open module</source>
            <translation>Open module</translation>
        </message>
        <message>
            <source>Completed module</source>
            <translation>Completed module</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
    </context>
    <context>
        <name>QuestionPage</name>
        <message>
            <source>Choose one answer.</source>
            <translation>Choose one answer.</translation>
        </message>
        <message>
            <source>Choose every correct answer.</source>
            <translation>Choose every correct answer.</translation>
        </message>
        <message>
            <source>True or false?</source>
            <translation>True or false?</translation>
        </message>
        <message>
            <source>Type your answer.</source>
            <translation>Type your answer.</translation>
        </message>
        <message>
            <source>True</source>
            <translation>True</translation>
        </message>
        <message>
            <source>False</source>
            <translation>False</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>Your answer</translation>
        </message>
        <message>
            <source>Enter: next question</source>
            <translation>Enter: next question</translation>
        </message>
    </context>
    <context>
        <name>QuizScreen</name>
        <message>
            <source>Question %1 of %2</source>
            <translation>Question %1 of %2</translation>
        </message>
        <message>
            <source>Submit the quiz?</source>
            <translation>Submit the quiz?</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) have no answer yet. Submit anyway?</source>
            <translation>
                <numerusform>%n question has no answer yet. Submit anyway?</numerusform>
                <numerusform>%n questions have no answer yet. Submit anyway?</numerusform>
            </translation>
        </message>
        <message>
            <source>← Outline</source>
            <translation>← Outline</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Back to the course outline</translation>
        </message>
        <message>
            <source>← &amp;Previous</source>
            <translation>← &amp;Previous</translation>
        </message>
        <message>
            <source>&amp;Next →</source>
            <translation>&amp;Next →</translation>
        </message>
        <message>
            <source>&amp;Submit answers</source>
            <translation>&amp;Submit answers</translation>
        </message>
        <message>
            <source>Submit (Ctrl+Enter)</source>
            <translation>Submit (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>&amp;Try again</translation>
        </message>
        <message>
            <source>Back to the &amp;outline</source>
            <translation>Back to the &amp;outline</translation>
        </message>
        <message>
            <source>Next &amp;lesson →</source>
            <translation>Next &amp;lesson →</translation>
        </message>
        <message>
            <source>Loading the quiz…</source>
            <translation>Loading the quiz…</translation>
        </message>
        <message>
            <source>Pass mark: %1.</source>
            <translation>Pass mark: %1.</translation>
        </message>
        <message>
            <source>Your best score so far: %1.</source>
            <translation>Your best score so far: %1.</translation>
        </message>
        <message>
            <source>Each answer is saved as soon as you give it.</source>
            <translation>Each answer is saved as soon as you give it.</translation>
        </message>
        <message>
            <source>✓ Passed</source>
            <translation>✓ Passed</translation>
        </message>
        <message>
            <source>Not passed yet</source>
            <translation>Not passed yet</translation>
        </message>
        <message>
            <source>Your score: %1 — pass mark %2 — best score %3</source>
            <translation>Your score: %1 — pass mark %2 — best score %3</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>“%1”</translation>
        </message>
        <message>
            <source>Unlocked: %1 is now open.</source>
            <translation>Unlocked: %1 is now open.</translation>
        </message>
        <message>
            <source>Course complete. Congratulations!</source>
            <translation>Course complete. Congratulations!</translation>
        </message>
        <message>
            <source>Answers and explanations</source>
            <translation>Answers and explanations</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>Correct</translation>
        </message>
        <message>
            <source>Not correct</source>
            <translation>Not correct</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>Your answer:</translation>
        </message>
        <message>
            <source>Correct answer:</source>
            <translation>Correct answer:</translation>
        </message>
        <message>
            <source>(no answer)</source>
            <translation>(no answer)</translation>
        </message>
        <message>
            <source>True</source>
            <translation>True</translation>
        </message>
        <message>
            <source>False</source>
            <translation>False</translation>
        </message>
        <message>
            <source>The right answers are shown once you pass this quiz.</source>
            <translation>The right answers are shown once you pass this quiz.</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Back to the course outline (Alt+Left)</translation>
        </message>
    </context>
    <context>
        <name>ReadingScreen</name>
        <message>
            <source>← Outline</source>
            <translation>← Outline</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Back to the course outline (Alt+Left)</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Back to the course outline</translation>
        </message>
        <message>
            <source>Next lesson →</source>
            <translation>Next lesson →</translation>
        </message>
        <message>
            <source>Next lesson</source>
            <translation>Next lesson</translation>
        </message>
        <message>
            <source>Page: %1</source>
            <translation>Page: %1</translation>
        </message>
        <message>
            <source>✓ Page read</source>
            <translation>✓ Page read</translation>
        </message>
        <message>
            <source>Links outside the course are not opened by the player: %1</source>
            <translation>Links outside the course are not opened by the player: %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>This password was saved for another server. Type it again to send it to this address.</source>
            <translation>This password was saved for another server. Type it again to send it to this address.</translation>
        </message>
        <message>
            <source>Allow an LRS on another computer over plain http (&amp;unencrypted)</source>
            <translation>Allow an LRS on another computer over plain http (&amp;unencrypted)</translation>
        </message>
        <message>
            <source>When this address answers, completions are sent in the background. Without it, the player works fully offline. The user name and password are sent to this server only.</source>
            <translation>When this address answers, completions are sent in the background. Without it, the player works fully offline. The user name and password are sent to this server only.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Same as the computer</source>
            <translation>Same as the computer</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Data folder:</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>Open the data folder</source>
            <translation>Open the data folder</translation>
        </message>
        <message>
            <source>&amp;Slow or costly connection: download the lightest videos</source>
            <translation>&amp;Slow or costly connection: download the lightest videos</translation>
        </message>
        <message>
            <source>Sending completions (optional)</source>
            <translation>Sending completions (optional)</translation>
        </message>
        <message>
            <source>LRS &amp;address:</source>
            <translation>LRS &amp;address:</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;User name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Text size:</source>
            <translation>&amp;Text size:</translation>
        </message>
        <message>
            <source>For the current learner, everywhere in the app (Ctrl+plus, Ctrl+minus)</source>
            <translation>For the current learner, everywhere in the app (Ctrl+plus, Ctrl+minus)</translation>
        </message>
    </context>
    <context>
        <name>SurveyQuestion</name>
        <message>
            <source>1 = not at all, 5 = very much</source>
            <translation>1 = not at all, 5 = very much</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>Your answer</translation>
        </message>
        <message>
            <source>%1 out of 5</source>
            <translation>%1 out of 5</translation>
        </message>
    </context>
    <context>
        <name>SurveyScreen</name>
        <message>
            <source>← Outline</source>
            <translation>← Outline</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Back to the course outline</translation>
        </message>
        <message>
            <source>&amp;Send my answers</source>
            <translation>&amp;Send my answers</translation>
        </message>
        <message>
            <source>Tell us what you thought of this course. There are no right answers, and every question is optional.</source>
            <translation>Tell us what you thought of this course. There are no right answers, and every question is optional.</translation>
        </message>
        <message>
            <source>Loading the survey…</source>
            <translation>Loading the survey…</translation>
        </message>
        <message>
            <source>You already answered; you may change your answers.</source>
            <translation>You already answered; you may change your answers.</translation>
        </message>
        <message>
            <source>Answer at least one question first.</source>
            <translation>Answer at least one question first.</translation>
        </message>
        <message>
            <source>Thank you! Your answers were saved.</source>
            <translation>Thank you! Your answers were saved.</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Back to the course outline (Alt+Left)</translation>
        </message>
    </context>
    <context>
        <name>VideoLessonView</name>
        <message>
            <source>← Outline</source>
            <translation>← Outline</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Back to the course outline</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Position in the video</source>
            <translation>Position in the video</translation>
        </message>
        <message>
            <source>Time played</source>
            <translation>Time played</translation>
        </message>
        <message>
            <source>Length of the video</source>
            <translation>Length of the video</translation>
        </message>
        <message>
            <source>Back 10 seconds</source>
            <translation>Back 10 seconds</translation>
        </message>
        <message>
            <source>Left arrow</source>
            <translation>Left arrow</translation>
        </message>
        <message>
            <source>Forward 10 seconds</source>
            <translation>Forward 10 seconds</translation>
        </message>
        <message>
            <source>Right arrow</source>
            <translation>Right arrow</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Full screen</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Mute</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volume</translation>
        </message>
        <message>
            <source>&amp;Speed</source>
            <translation>&amp;Speed</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>Playback speed</translation>
        </message>
        <message>
            <source>S&amp;ubtitles</source>
            <translation>S&amp;ubtitles</translation>
        </message>
        <message>
            <source>Subtitles</source>
            <translation>Subtitles</translation>
        </message>
        <message>
            <source>&amp;Quality</source>
            <translation>&amp;Quality</translation>
        </message>
        <message>
            <source>Video quality</source>
            <translation>Video quality</translation>
        </message>
        <message>
            <source>Next lesson →</source>
            <translation>Next lesson →</translation>
        </message>
        <message>
            <source>Next lesson</source>
            <translation>Next lesson</translation>
        </message>
        <message>
            <source>Your progress could not be saved: %1</source>
            <translation>Your progress could not be saved: %1</translation>
        </message>
        <message>
            <source>The video file is missing: %1. Install the course again.</source>
            <translation>The video file is missing: %1. Install the course again.</translation>
        </message>
        <message>
            <source>Videos cannot play: VLC is not installed on this computer.</source>
            <translation>Videos cannot play: VLC is not installed on this computer.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Play</translation>
        </message>
        <message>
            <source>%1 (Space)</source>
            <translation>%1 (Space)</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Off</translation>
        </message>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>%n min</numerusform>
                <numerusform>%n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n s</source>
            <translation>
                <numerusform>%n s</numerusform>
                <numerusform>%n s</numerusform>
            </translation>
        </message>
        <message>
            <source>This video does not count as watched yet: %1 not watched. Resume at %2?</source>
            <translation>This video does not count as watched yet: %1 not watched. Resume at %2?</translation>
        </message>
        <message>
            <source>Resume at %1</source>
            <translation>Resume at %1</translation>
        </message>
        <message>
            <source>Resume at the first part not watched, %1</source>
            <translation>Resume at the first part not watched, %1</translation>
        </message>
        <message>
            <source>Video lesson: %1</source>
            <translation>Video lesson: %1</translation>
        </message>
        <message>
            <source>Resume the unwatched part</source>
            <translation>Resume the unwatched part</translation>
        </message>
    </context>
    <context>
        <name>VideoPlayer</name>
        <message>
            <source>This video cannot be played: %1. The file may be damaged.</source>
            <translation>This video cannot be played: %1. The file may be damaged.</translation>
        </message>
    </context>
    <context>
        <name>CopyToUsbDialog</name>
        <message>
            <source>Copy to a USB stick</source>
            <translation>Copy to a USB stick</translation>
        </message>
        <message>
            <source>Copy “%1” to a USB stick</source>
            <translation>Copy “%1” to a USB stick</translation>
        </message>
        <message>
            <source>The course is written as one .zip file (about %1) with a README telling the next person how to install it. The copy is checked after writing.</source>
            <translation>The course is written as one .zip file (about %1) with a README telling the next person how to install it. The copy is checked after writing.</translation>
        </message>
        <message>
            <source>&amp;Where to copy:</source>
            <translation>&amp;Where to copy:</translation>
        </message>
        <message>
            <source>USB sticks found</source>
            <translation>USB sticks found</translation>
        </message>
        <message>
            <source>Other &amp;folder…</source>
            <translation>Other &amp;folder…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Cancel the copy</source>
            <translation>Cancel the copy</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>not readable</source>
            <translation>not readable</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>read-only</translation>
        </message>
        <message>
            <source>%1 free</source>
            <translation>%1 free</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in and press Refresh, or pick a folder.</source>
            <translation>No USB stick found. Plug one in and press Refresh, or pick a folder.</translation>
        </message>
        <message>
            <source>Choose where to copy</source>
            <translation>Choose where to copy</translation>
        </message>
        <message>
            <source>Copying… Do not remove the stick.</source>
            <translation>Copying… Do not remove the stick.</translation>
        </message>
        <message>
            <source>%1 of %2 — %3/s — %4 left</source>
            <translation>%1 of %2 — %3/s — %4 left</translation>
        </message>
        <message>
            <source>Copied and checked: %1 (%2). You can remove the stick.</source>
            <translation>Copied and checked: %1 (%2). You can remove the stick.</translation>
        </message>
        <message>
            <source>Copy cancelled; nothing was left on the stick.</source>
            <translation>Copy cancelled; nothing was left on the stick.</translation>
        </message>
    </context>
    <context>
        <name>PackageRow</name>
        <message>
            <source>%1 (signed; checked when installing)</source>
            <translation>%1 (signed; checked when installing)</translation>
        </message>
        <message>
            <source>Version %1 · %2 · %3</source>
            <translation>Version %1 · %2 · %3</translation>
        </message>
        <message>
            <source>installed here: version %1</source>
            <translation>installed here: version %1</translation>
        </message>
        <message>
            <source>Installed</source>
            <translation>Installed</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Update</translation>
        </message>
        <message>
            <source>Install</source>
            <translation>Install</translation>
        </message>
        <message>
            <source>Install %1 from the USB stick</source>
            <translation>Install %1 from the USB stick</translation>
        </message>
        <message>
            <source>%1 — unsigned</source>
            <translation>%1 — unsigned</translation>
        </message>
        <message>
            <source>unsigned</source>
            <translation>unsigned</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>PIN of %1</source>
            <translation>PIN of %1</translation>
        </message>
        <message>
            <source>A PIN keeps others from opening your courses as you on a shared computer. 4 to 8 digits.</source>
            <translation>A PIN keeps others from opening your courses as you on a shared computer. 4 to 8 digits.</translation>
        </message>
        <message>
            <source>&amp;Current PIN:</source>
            <translation>&amp;Current PIN:</translation>
        </message>
        <message>
            <source>&amp;New PIN:</source>
            <translation>&amp;New PIN:</translation>
        </message>
        <message>
            <source>New PIN &amp;again:</source>
            <translation>New PIN &amp;again:</translation>
        </message>
        <message>
            <source>Your current PIN</source>
            <translation>Your current PIN</translation>
        </message>
        <message>
            <source>Your new PIN</source>
            <translation>Your new PIN</translation>
        </message>
        <message>
            <source>Your new PIN again</source>
            <translation>Your new PIN again</translation>
        </message>
        <message>
            <source>&amp;Save the PIN</source>
            <translation>&amp;Save the PIN</translation>
        </message>
        <message>
            <source>&amp;Remove my PIN</source>
            <translation>&amp;Remove my PIN</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Type your current PIN first.</source>
            <translation>Type your current PIN first.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>A PIN has 4 to 8 digits.</translation>
        </message>
        <message>
            <source>The two new PINs differ. Type them again.</source>
            <translation>The two new PINs differ. Type them again.</translation>
        </message>
        <message>
            <source>Wrong current PIN. Nothing was changed.</source>
            <translation>Wrong current PIN. Nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>PublisherLabel</name>
        <message>
            <source>✔ %1 — verified publisher</source>
            <translation>✔ %1 — verified publisher</translation>
        </message>
        <message>
            <source>This course is not signed: nothing proves who made it or that it is unchanged.</source>
            <translation>This course is not signed: nothing proves who made it or that it is unchanged.</translation>
        </message>
        <message>
            <source>Signed by a key this computer trusts. Key: %1</source>
            <translation>Signed by a key this computer trusts. Key: %1</translation>
        </message>
        <message>
            <source>%1 — signed by an unknown publisher (%2)</source>
            <translation>%1 — signed by an unknown publisher (%2)</translation>
        </message>
        <message>
            <source>Signed by an unknown publisher (%1)</source>
            <translation>Signed by an unknown publisher (%1)</translation>
        </message>
        <message>
            <source>Signed, but by a key this computer does not trust: the name it shows proves nothing. Trust the key in Settings only if its publisher gave it to you. Key: %1</source>
            <translation>Signed, but by a key this computer does not trust: the name it shows proves nothing. Trust the key in Settings only if its publisher gave it to you. Key: %1</translation>
        </message>
        <message>
            <source>%1 — unsigned</source>
            <translation>%1 — unsigned</translation>
        </message>
        <message>
            <source>Unsigned</source>
            <translation>Unsigned</translation>
        </message>
    </context>
    <context>
        <name>SyncDetailsDialog</name>
        <message>
            <source>Last problem:</source>
            <translation>Last problem:</translation>
        </message>
        <message>
            <source>&amp;Approve this server</source>
            <translation>&amp;Approve this server</translation>
        </message>
        <message>
            <source>A course asks to send its completions to {server}. They stay here until you approve this server; your LRS password is never sent to it.</source>
            <translation>A course asks to send its completions to {server}. They stay here until you approve this server; your LRS password is never sent to it.</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>refused</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>conflict</translation>
        </message>
        <message>
            <source>Sync details</source>
            <translation>Sync details</translation>
        </message>
        <message>
            <source>Completions sent to the learning record store</source>
            <translation>Completions sent to the learning record store</translation>
        </message>
        <message>
            <source>Waiting to be sent:</source>
            <translation>Waiting to be sent:</translation>
        </message>
        <message>
            <source>Sent:</source>
            <translation>Sent:</translation>
        </message>
        <message>
            <source>Refused by the server:</source>
            <translation>Refused by the server:</translation>
        </message>
        <message>
            <source>Conflicts:</source>
            <translation>Conflicts:</translation>
        </message>
        <message>
            <source>Last sent:</source>
            <translation>Last sent:</translation>
        </message>
        <message>
            <source>Server (LRS):</source>
            <translation>Server (LRS):</translation>
        </message>
        <message>
            <source>Statements the server would not take:</source>
            <translation>Statements the server would not take:</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Learner</translation>
        </message>
        <message>
            <source>Server's reason</source>
            <translation>Server's reason</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>not set (see Settings): completions stay here</source>
            <translation>not set (see Settings): completions stay here</translation>
        </message>
        <message>
            <source>Refused statements are kept here and not sent again; they do not block the others.</source>
            <translation>Refused statements are kept here and not sent again; they do not block the others.</translation>
        </message>
        <message>
            <source>The server has refused nothing.</source>
            <translation>The server has refused nothing.</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>Results sent to the training server</source>
            <translation>Results sent to the training server</translation>
        </message>
        <message>
            <source>Already there with other content:</source>
            <translation>Already there with other content:</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <source>&amp;Send now</source>
            <translation>&amp;Send now</translation>
        </message>
    </context>
    <context>
        <name>Units</name>
        <message>
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <source>KB</source>
            <translation>KB</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>MB</translation>
        </message>
        <message>
            <source>GB</source>
            <translation>GB</translation>
        </message>
    </context>
    <context>
        <name>UsbPanel</name>
        <message>
            <source>Looking for courses on USB sticks…</source>
            <translation>Looking for courses on USB sticks…</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in, then press Refresh.</source>
            <translation>No USB stick found. Plug one in, then press Refresh.</translation>
        </message>
        <message numerus="yes">
            <source>%n course(s) found on %1:</source>
            <translation>
                <numerusform>%n course found on %1:</numerusform>
                <numerusform>%n courses found on %1:</numerusform>
            </translation>
        </message>
        <message>
            <source>No course package on %1.</source>
            <translation>No course package on %1.</translation>
        </message>
        <message>
            <source>From a USB stick</source>
            <translation>From a USB stick</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>Look again for USB sticks and the courses on them</source>
            <translation>Look again for USB sticks and the courses on them</translation>
        </message>
    </context>
    <context>
        <name>TransferProgress</name>
        <message>
            <source>%1 of %2 — %3/s — %4 left</source>
            <translation>%1 of %2 — %3/s — %4 left</translation>
        </message>
    </context>
    <context>
        <name>CoreErrors</name>
        <message>
            <source>The LRS endpoint {endpoint} from {origin} uses plain http to another computer: passwords and results would cross the network unencrypted. Use https, or allow it explicitly (sync --allow-insecure, or lrs_allow_insecure in the settings).</source>
            <translation>The LRS endpoint {endpoint} from {origin} uses plain http to another computer: passwords and results would cross the network unencrypted. Use https, or allow it explicitly (sync --allow-insecure, or lrs_allow_insecure in the settings).</translation>
        </message>
        <message>
            <source>Cannot use the data folder {path}: {reason}.</source>
            <translation>Cannot use the data folder {path}: {reason}.</translation>
        </message>
        <message>
            <source>The progress database {path} is damaged ({reason}); a copy is in {backup}.</source>
            <translation>The progress database {path} is damaged ({reason}); a copy is in {backup}.</translation>
        </message>
        <message>
            <source>The progress database {path} was written by a newer version of Course Player (schema step {step}); open it with that version or a newer one.</source>
            <translation>The progress database {path} was written by a newer version of Course Player (schema step {step}); open it with that version or a newer one.</translation>
        </message>
        <message>
            <source>{url} is not an http(s) URL.</source>
            <translation>{url} is not an http(s) URL.</translation>
        </message>
        <message>
            <source>{url} is not a valid URL: it names no host.</source>
            <translation>{url} is not a valid URL: it names no host.</translation>
        </message>
        <message>
            <source>This package would fetch {needed}, more than the {allowed} allowed by --max-bytes.</source>
            <translation>This package would fetch {needed}, more than the {allowed} allowed by --max-bytes.</translation>
        </message>
        <message>
            <source>{url} was not downloaded.</source>
            <translation>{url} was not downloaded.</translation>
        </message>
        <message>
            <source>{path} does not exist.</source>
            <translation>{path} does not exist.</translation>
        </message>
        <message>
            <source>The package holds {count} file(s) its manifest does not list (first: {first}); refused.</source>
            <translation>The package holds {count} file(s) its manifest does not list (first: {first}); refused.</translation>
        </message>
        <message>
            <source>This install would fetch {needed}, more than the {allowed} allowed by --max-bytes; choose a lower quality.</source>
            <translation>This install would fetch {needed}, more than the {allowed} allowed by --max-bytes; choose a lower quality.</translation>
        </message>
        <message>
            <source>Not enough free disk: the course needs {needed} and {free} are free in {folder}.</source>
            <translation>Not enough free disk: the course needs {needed} and {free} are free in {folder}.</translation>
        </message>
        <message>
            <source>The disk filled up while installing {course} in {folder} ({cause}); nothing was changed. Free some space and install again.</source>
            <translation>The disk filled up while installing {course} in {folder} ({cause}); nothing was changed. Free some space and install again.</translation>
        </message>
        <message>
            <source>{course} version {version} is older than version {highest} already installed here; refusing to downgrade.</source>
            <translation>{course} version {version} is older than version {highest} already installed here; refusing to downgrade.</translation>
        </message>
        <message>
            <source>{course} version {version} is installed with other content; a new release must have a higher version number.</source>
            <translation>{course} version {version} is installed with other content; a new release must have a higher version number.</translation>
        </message>
        <message>
            <source>No course {course!r} is installed.</source>
            <translation>No course {course!r} is installed.</translation>
        </message>
        <message>
            <source>The answer to {question!r} is longer than {limit} characters.</source>
            <translation>The answer to {question!r} is longer than {limit} characters.</translation>
        </message>
        <message>
            <source>A learner needs a name.</source>
            <translation>A learner needs a name.</translation>
        </message>
        <message>
            <source>A learner name has at most {limit} characters.</source>
            <translation>A learner name has at most {limit} characters.</translation>
        </message>
        <message>
            <source>A learner name cannot contain control characters.</source>
            <translation>A learner name cannot contain control characters.</translation>
        </message>
        <message>
            <source>{email!r} is not an e-mail address such as ana@example.org.</source>
            <translation>{email!r} is not an e-mail address such as ana@example.org.</translation>
        </message>
        <message>
            <source>{language!r} is not a language code such as 'fr' or 'en'.</source>
            <translation>{language!r} is not a language code such as 'fr' or 'en'.</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>A PIN is 4 to 8 digits.</translation>
        </message>
        <message>
            <source>A learner named {name!r} already exists.</source>
            <translation>A learner named {name!r} already exists.</translation>
        </message>
        <message>
            <source>This attempt was already submitted; start a new one to retry.</source>
            <translation>This attempt was already submitted; start a new one to retry.</translation>
        </message>
        <message>
            <source>{module!r} is locked: complete the module before first.</source>
            <translation>{module!r} is locked: complete the module before first.</translation>
        </message>
        <message>
            <source>{module!r} is locked: complete {previous!r} first.</source>
            <translation>{module!r} is locked: complete {previous!r} first.</translation>
        </message>
        <message>
            <source>Answer at least one question of the survey.</source>
            <translation>Answer at least one question of the survey.</translation>
        </message>
        <message>
            <source>{origin} is not UTF-8 text (byte {byte}).</source>
            <translation>{origin} is not UTF-8 text (byte {byte}).</translation>
        </message>
        <message>
            <source>{origin} is not valid JSON (line {line}, column {column}: {cause}).</source>
            <translation>{origin} is not valid JSON (line {line}, column {column}: {cause}).</translation>
        </message>
        <message>
            <source>{origin} is not valid JSON ({cause}).</source>
            <translation>{origin} is not valid JSON ({cause}).</translation>
        </message>
        <message>
            <source>{origin} uses package format {format}, but this app reads formats up to {supported}; please update the course player.</source>
            <translation>{origin} uses package format {format}, but this app reads formats up to {supported}; please update the course player.</translation>
        </message>
        <message>
            <source>{path} is larger than the {size} bytes its manifest declares.</source>
            <translation>{path} is larger than the {size} bytes its manifest declares.</translation>
        </message>
        <message>
            <source>{path} has {actual} bytes but its manifest declares {size}.</source>
            <translation>{path} has {actual} bytes but its manifest declares {size}.</translation>
        </message>
        <message>
            <source>{path} does not match its SHA-256 in the manifest.</source>
            <translation>{path} does not match its SHA-256 in the manifest.</translation>
        </message>
        <message>
            <source>The disk is full while writing {path}.</source>
            <translation>The disk is full while writing {path}.</translation>
        </message>
        <message>
            <source>This package has no {name}.</source>
            <translation>This package has no {name}.</translation>
        </message>
        <message>
            <source>{package} is not a course package: it has no {name}.</source>
            <translation>{package} is not a course package: it has no {name}.</translation>
        </message>
        <message>
            <source>Unsafe member path {path!r}: {problem}.</source>
            <translation>Unsafe member path {path!r}: {problem}.</translation>
        </message>
        <message>
            <source>{path} is listed in the manifest but missing.</source>
            <translation>{path} is listed in the manifest but missing.</translation>
        </message>
        <message>
            <source>{path} is a symbolic link; packages may not hold links.</source>
            <translation>{path} is a symbolic link; packages may not hold links.</translation>
        </message>
        <message>
            <source>{path} is not a regular file.</source>
            <translation>{path} is not a regular file.</translation>
        </message>
        <message>
            <source>{member} in {package} is not a regular file.</source>
            <translation>{member} in {package} is not a regular file.</translation>
        </message>
        <message>
            <source>{member} is larger than the {limit} bytes allowed.</source>
            <translation>{member} is larger than the {limit} bytes allowed.</translation>
        </message>
        <message>
            <source>{package} holds more than the {limit} entries a course package may have; refused.</source>
            <translation>{package} holds more than the {limit} entries a course package may have; refused.</translation>
        </message>
        <message>
            <source>{name} is larger than the {limit} allowed; the download was stopped.</source>
            <translation>{name} is larger than the {limit} allowed; the download was stopped.</translation>
        </message>
        <message>
            <source>Gave up on {name}: it had to start over {count} times (it keeps changing on the server, or the server cannot resume); try again later.</source>
            <translation>Gave up on {name}: it had to start over {count} times (it keeps changing on the server, or the server cannot resume); try again later.</translation>
        </message>
        <message>
            <source>Gave up on {name}: the server sent {received} for it, more than the {budget} allowed, without completing it.</source>
            <translation>Gave up on {name}: the server sent {received} for it, more than the {budget} allowed, without completing it.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: {host} redirects from https to plain http ({target}); refused.</source>
            <translation>Cannot fetch {name}: {host} redirects from https to plain http ({target}); refused.</translation>
        </message>
        <message>
            <source>{path} is not a readable zip file (truncated or damaged: {cause}).</source>
            <translation>{path} is not a readable zip file (truncated or damaged: {cause}).</translation>
        </message>
        <message>
            <source>Unsafe folder {member!r} in {package}.</source>
            <translation>Unsafe folder {member!r} in {package}.</translation>
        </message>
        <message>
            <source>Unsafe member {member!r} in {package}: {problem}.</source>
            <translation>Unsafe member {member!r} in {package}: {problem}.</translation>
        </message>
        <message>
            <source>{member} in {package} is a symbolic link; refused.</source>
            <translation>{member} in {package} is a symbolic link; refused.</translation>
        </message>
        <message>
            <source>{member} in {package} is encrypted or uses an unsupported compression method; refused.</source>
            <translation>{member} in {package} is encrypted or uses an unsupported compression method; refused.</translation>
        </message>
        <message>
            <source>{member} appears twice in {package}.</source>
            <translation>{member} appears twice in {package}.</translation>
        </message>
        <message>
            <source>{member} cannot be read from {package}: {cause}</source>
            <translation>{member} cannot be read from {package}: {cause}</translation>
        </message>
        <message>
            <source>{path} cannot be read: {cause}</source>
            <translation>{path} cannot be read: {cause}</translation>
        </message>
        <message>
            <source>Cancelled; what was already fetched is kept for next time.</source>
            <translation>Cancelled; what was already fetched is kept for next time.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} refused the credentials (HTTP {status}); check the LRS user name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</source>
            <translation>The LRS at {endpoint} refused the credentials (HTTP {status}); check the LRS user name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} refused access (HTTP {status}); check the LRS user name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</source>
            <translation>The LRS at {endpoint} refused access (HTTP {status}); check the LRS user name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</translation>
        </message>
        <message>
            <source>The LRS endpoint {endpoint!r} from {origin} is not an http(s) URL.</source>
            <translation>The LRS endpoint {endpoint!r} from {origin} is not an http(s) URL.</translation>
        </message>
        <message>
            <source>{path} is a folder; give a file name such as {example}.</source>
            <translation>{path} is a folder; give a file name such as {example}.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>The folder {folder} does not exist.</translation>
        </message>
        <message>
            <source>Cannot write {path}: {cause}.</source>
            <translation>Cannot write {path}: {cause}.</translation>
        </message>
        <message>
            <source>Cannot read {path}: {cause}.</source>
            <translation>Cannot read {path}: {cause}.</translation>
        </message>
        <message>
            <source>The CA bundle {path} does not exist.</source>
            <translation>The CA bundle {path} does not exist.</translation>
        </message>
        <message>
            <source>Not enough free disk: {needed} needed, {free} free in {folder}.</source>
            <translation>Not enough free disk: {needed} needed, {free} free in {folder}.</translation>
        </message>
        <message>
            <source>the server's certificate could not be verified</source>
            <translation>the server's certificate could not be verified</translation>
        </message>
        <message>
            <source>its name could not be resolved (DNS)</source>
            <translation>its name could not be resolved (DNS)</translation>
        </message>
        <message>
            <source>the connection was refused</source>
            <translation>the connection was refused</translation>
        </message>
        <message>
            <source>the connection timed out</source>
            <translation>the connection timed out</translation>
        </message>
        <message>
            <source>the server stopped sending</source>
            <translation>the server stopped sending</translation>
        </message>
        <message>
            <source>the connection was reset</source>
            <translation>the connection was reset</translation>
        </message>
        <message>
            <source>the connection broke mid-file</source>
            <translation>the connection broke mid-file</translation>
        </message>
        <message>
            <source>Gave up on {name}: {reason}, and no data arrived for {seconds:.0f} s.</source>
            <translation>Gave up on {name}: {reason}, and no data arrived for {seconds:.0f} s.</translation>
        </message>
        <message>
            <source>{name} {problem}, twice.</source>
            <translation>{name} {problem}, twice.</translation>
        </message>
        <message>
            <source>has {actual} bytes but its manifest declares {size}</source>
            <translation>has {actual} bytes but its manifest declares {size}</translation>
        </message>
        <message>
            <source>does not match its SHA-256 in the manifest</source>
            <translation>does not match its SHA-256 in the manifest</translation>
        </message>
        <message>
            <source>the server refused to resume; starting the file over</source>
            <translation>the server refused to resume; starting the file over</translation>
        </message>
        <message>
            <source>the server sent the wrong part of the file; starting it over</source>
            <translation>the server sent the wrong part of the file; starting it over</translation>
        </message>
        <message>
            <source>{name}: the server ignores range requests and the link broke during the full fetch; try again on a steadier link.</source>
            <translation>{name}: the server ignores range requests and the link broke during the full fetch; try again on a steadier link.</translation>
        </message>
        <message>
            <source>{name}: too many redirects from {host}.</source>
            <translation>{name}: too many redirects from {host}.</translation>
        </message>
        <message>
            <source>Cannot fetch {name} from {host}: {reason}.</source>
            <translation>Cannot fetch {name} from {host}: {reason}.</translation>
        </message>
        <message>
            <source>{url} is not a valid URL ({kind}).</source>
            <translation>{url} is not a valid URL ({kind}).</translation>
        </message>
        <message>
            <source>cannot reach {host}: {reason}</source>
            <translation>cannot reach {host}: {reason}</translation>
        </message>
        <message>
            <source>the server answered {status}</source>
            <translation>the server answered {status}</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: the server answered {status}{reason}.</source>
            <translation>Cannot fetch {name}: the server answered {status}{reason}.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: unexpected answer {status} from the server.</source>
            <translation>Cannot fetch {name}: unexpected answer {status} from the server.</translation>
        </message>
        <message>
            <source>The disk is full while downloading {name}.</source>
            <translation>The disk is full while downloading {name}.</translation>
        </message>
        <message>
            <source>Gave up on {name}: {reason}, for {seconds:.0f} s.</source>
            <translation>Gave up on {name}: {reason}, for {seconds:.0f} s.</translation>
        </message>
        <message>
            <source>{where} is not an Ed25519 public key ({expected}).</source>
            <translation>{where} is not an Ed25519 public key ({expected}).</translation>
        </message>
        <message>
            <source>{where} is not valid base64 ({expected}).</source>
            <translation>{where} is not valid base64 ({expected}).</translation>
        </message>
        <message>
            <source>{where} holds {actual} bytes, not {size} ({expected}).</source>
            <translation>{where} holds {actual} bytes, not {size} ({expected}).</translation>
        </message>
        <message>
            <source>{course} carries a signature but its manifest names no publisher.key; refused.</source>
            <translation>{course} carries a signature but its manifest names no publisher.key; refused.</translation>
        </message>
        <message>
            <source>The signature of {course} is {actual} bytes, not {size} (truncated or damaged); refused.</source>
            <translation>The signature of {course} is {actual} bytes, not {size} (truncated or damaged); refused.</translation>
        </message>
        <message>
            <source>The signature of {course} does not match its course.json (altered copy, or not signed by {key}); refused.</source>
            <translation>The signature of {course} does not match its course.json (altered copy, or not signed by {key}); refused.</translation>
        </message>
        <message>
            <source>none (unsigned)</source>
            <translation>none (unsigned)</translation>
        </message>
        <message>
            <source>{course} was signed by {pinned} and this package is unsigned; refused (it may be an altered copy).</source>
            <translation>{course} was signed by {pinned} and this package is unsigned; refused (it may be an altered copy).</translation>
        </message>
        <message>
            <source>{course} was signed by {pinned} but this package is signed by {key}; refused (if the publisher really changed its key, install again with --trust-new-key).</source>
            <translation>{course} was signed by {pinned} but this package is signed by {key}; refused (if the publisher really changed its key, install again with --trust-new-key).</translation>
        </message>
        <message>
            <source>{path} is not a folder, and not a file name ending in .zip.</source>
            <translation>{path} is not a folder, and not a file name ending in .zip.</translation>
        </message>
        <message>
            <source>{folder} is full; the copy was removed. Free some space or use a bigger stick.</source>
            <translation>{folder} is full; the copy was removed. Free some space or use a bigger stick.</translation>
        </message>
        <message>
            <source>{folder} is read-only (write-protected stick?); nothing was written there.</source>
            <translation>{folder} is read-only (write-protected stick?); nothing was written there.</translation>
        </message>
        <message>
            <source>Writing to {folder} failed ({cause}): was the stick removed? The partial copy was removed; the course here is untouched.</source>
            <translation>Writing to {folder} failed ({cause}): was the stick removed? The partial copy was removed; the course here is untouched.</translation>
        </message>
        <message>
            <source>{course} was installed with only some video qualities; {count} file(s) its package lists are not on this computer (first: {first}). Install it in full (without --quality) to export it.</source>
            <translation>{course} was installed with only some video qualities; {count} file(s) its package lists are not on this computer (first: {first}). Install it in full (without --quality) to export it.</translation>
        </message>
        <message>
            <source>{path} of {course} is missing from the data folder; reinstall the course before exporting it.</source>
            <translation>{path} of {course} is missing from the data folder; reinstall the course before exporting it.</translation>
        </message>
        <message>
            <source>{folder} has {free} free; {course} needs {needed}. Free some space or use a bigger stick.</source>
            <translation>{folder} has {free} free; {course} needs {needed}. Free some space or use a bigger stick.</translation>
        </message>
        <message>
            <source>{path} is damaged in the data folder (hash differs); reinstall the course before exporting it.</source>
            <translation>{path} is damaged in the data folder (hash differs); reinstall the course before exporting it.</translation>
        </message>
        <message>
            <source>The copy vanished from {folder} while writing: was the stick removed? The course here is untouched.</source>
            <translation>The copy vanished from {folder} while writing: was the stick removed? The course here is untouched.</translation>
        </message>
        <message>
            <source>The copy on the drive is unreadable ({cause}).</source>
            <translation>The copy on the drive is unreadable ({cause}).</translation>
        </message>
        <message>
            <source>The copy's course.json differs from the installed one.</source>
            <translation>The copy's course.json differs from the installed one.</translation>
        </message>
        <message>
            <source>The copy on the drive is damaged ({cause}); the drive may be failing.</source>
            <translation>The copy on the drive is damaged ({cause}); the drive may be failing.</translation>
        </message>
        <message>
            <source>{path} must end in .pdf.</source>
            <translation>{path} must end in .pdf.</translation>
        </message>
        <message>
            <source>Cannot write the PDF {path}: {reason}.</source>
            <translation>Cannot write the PDF {path}: {reason}.</translation>
        </message>
        <message>
            <source>Cannot write the PDF {path}.</source>
            <translation>Cannot write the PDF {path}.</translation>
        </message>
        <message>
            <source>{course} has no reading page {lesson}.</source>
            <translation>{course} has no reading page {lesson}.</translation>
        </message>
        <message>
            <source>The page {page} of {course} is not installed.</source>
            <translation>The page {page} of {course} is not installed.</translation>
        </message>
        <message>
            <source>A trusted key needs a name.</source>
            <translation>A trusted key needs a name.</translation>
        </message>
        <message>
            <source>A publisher name has at most {limit} characters.</source>
            <translation>A publisher name has at most {limit} characters.</translation>
        </message>
        <message>
            <source>The name {name!r} mixes scripts ({scripts}), as look-alike names do; refused.</source>
            <translation>The name {name!r} mixes scripts ({scripts}), as look-alike names do; refused.</translation>
        </message>
        <message>
            <source>{name!r} is the name of a publisher that ships with this app, with the key {shipped}; choose another name for {key}.</source>
            <translation>{name!r} is the name of a publisher that ships with this app, with the key {shipped}; choose another name for {key}.</translation>
        </message>
        <message>
            <source>{key} ships with this app (assets/trusted-keys.txt); it cannot be removed here.</source>
            <translation>{key} ships with this app (assets/trusted-keys.txt); it cannot be removed here.</translation>
        </message>
        <message>
            <source>{key} is not in the list of trusted keys.</source>
            <translation>{key} is not in the list of trusted keys.</translation>
        </message>
        <message>
            <source>{key} names {count} trusted keys; give the whole key.</source>
            <translation>{key} names {count} trusted keys; give the whole key.</translation>
        </message>
        <message>
            <source>{path} is neither a key (ed25519:...) nor an existing file.</source>
            <translation>{path} is neither a key (ed25519:...) nor an existing file.</translation>
        </message>
        <message>
            <source>{path} holds no ed25519: key and is not a package.</source>
            <translation>{path} holds no ed25519: key and is not a package.</translation>
        </message>
        <message>
            <source>{path} is not signed: it names no key to trust.</source>
            <translation>{path} is not signed: it names no key to trust.</translation>
        </message>
        <message>
            <source>{course}: the publisher name {publisher!r} mixes scripts ({scripts}), as look-alike names do; refused.</source>
            <translation>{course}: the publisher name {publisher!r} mixes scripts ({scripts}), as look-alike names do; refused.</translation>
        </message>
        <message>
            <source>{course} claims the name of the trusted publisher {publisher!r} (key {owner}), but it is signed by {key}; refused.</source>
            <translation>{course} claims the name of the trusted publisher {publisher!r} (key {owner}), but it is signed by {key}; refused.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: the server does not have this file ({status}); check the address.</source>
            <translation>Cannot fetch {name}: the server does not have this file ({status}); check the address.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: the server refuses access to it ({status}); ask whoever gave you the address.</source>
            <translation>Cannot fetch {name}: the server refuses access to it ({status}); ask whoever gave you the address.</translation>
        </message>
        <message>
            <source>Question {question!r} has no choice {choice!r} (choices: {choices}).</source>
            <translation>Question {question!r} has no choice {choice!r} (choices: {choices}).</translation>
        </message>
        <message>
            <source>Question {question!r} takes a list of choices.</source>
            <translation>Question {question!r} takes a list of choices.</translation>
        </message>
        <message>
            <source>Question {question!r} has no choice {choice!r}.</source>
            <translation>Question {question!r} has no choice {choice!r}.</translation>
        </message>
        <message>
            <source>Question {question!r}: a choice is picked twice.</source>
            <translation>Question {question!r}: a choice is picked twice.</translation>
        </message>
        <message>
            <source>Question {question!r} takes true or false.</source>
            <translation>Question {question!r} takes true or false.</translation>
        </message>
        <message>
            <source>Question {question!r} has an unknown kind {kind!r}.</source>
            <translation>Question {question!r} has an unknown kind {kind!r}.</translation>
        </message>
        <message>
            <source>Question {question!r} takes a text answer.</source>
            <translation>Question {question!r} takes a text answer.</translation>
        </message>
        <message>
            <source>There is no learner with id {learner}.</source>
            <translation>There is no learner with id {learner}.</translation>
        </message>
        <message>
            <source>There is no learner named {name!r}; see 'course-player learners list'.</source>
            <translation>There is no learner named {name!r}; see 'course-player learners list'.</translation>
        </message>
        <message>
            <source>There is no quiz attempt {attempt}.</source>
            <translation>There is no quiz attempt {attempt}.</translation>
        </message>
        <message>
            <source>Attempt {attempt} belongs to course {course!r}.</source>
            <translation>Attempt {attempt} belongs to course {course!r}.</translation>
        </message>
        <message>
            <source>Quiz {lesson!r} has no question {question!r}.</source>
            <translation>Quiz {lesson!r} has no question {question!r}.</translation>
        </message>
        <message>
            <source>Question {question!r} takes a rating from 1 to 5.</source>
            <translation>Question {question!r} takes a rating from 1 to 5.</translation>
        </message>
        <message>
            <source>Survey {lesson!r} has no question {question!r}.</source>
            <translation>Survey {lesson!r} has no question {question!r}.</translation>
        </message>
        <message>
            <source>The elapsed time</source>
            <translation>The elapsed time</translation>
        </message>
        <message>
            <source>The time spent</source>
            <translation>The time spent</translation>
        </message>
        <message>
            <source>The position</source>
            <translation>The position</translation>
        </message>
        <message>
            <source>The duration</source>
            <translation>The duration</translation>
        </message>
        <message>
            <source>Lost the progress of lesson {lesson!r}.</source>
            <translation>Lost the progress of lesson {lesson!r}.</translation>
        </message>
        <message>
            <source>Course {course!r} has no lesson {lesson!r}.</source>
            <translation>Course {course!r} has no lesson {lesson!r}.</translation>
        </message>
        <message>
            <source>Lesson {lesson!r} is a {kind} lesson, not a {expected} lesson.</source>
            <translation>Lesson {lesson!r} is a {kind} lesson, not a {expected} lesson.</translation>
        </message>
        <message>
            <source>{what} must be a number of seconds.</source>
            <translation>{what} must be a number of seconds.</translation>
        </message>
        <message>
            <source>{what} must be a finite number of seconds ≥ 0, not {value}.</source>
            <translation>{what} must be a finite number of seconds ≥ 0, not {value}.</translation>
        </message>
        <message>
            <source>Video playback is unavailable: libVLC could not be loaded ({reason}).</source>
            <translation>Video playback is unavailable: libVLC could not be loaded ({reason}).</translation>
        </message>
        <message>
            <source>Video playback is unavailable: libVLC started without its plugins (install VLC or its plugin packages).</source>
            <translation>Video playback is unavailable: libVLC started without its plugins (install VLC or its plugin packages).</translation>
        </message>
        <message>
            <source>The video file is missing: {path}</source>
            <translation>The video file is missing: {path}</translation>
        </message>
        <message>
            <source>There is no subtitle track number {number}.</source>
            <translation>There is no subtitle track number {number}.</translation>
        </message>
        <message>
            <source>Video playback is unavailable: VLC refused to start.</source>
            <translation>Video playback is unavailable: VLC refused to start.</translation>
        </message>
        <message>
            <source>{address!r} is not a hub address; type it as shown on the hub, e.g. 192.168.1.10:8765.</source>
            <translation>{address!r} is not a hub address; type it as shown on the hub, e.g. 192.168.1.10:8765.</translation>
        </message>
        <message>
            <source>Type the hub's pairing code.</source>
            <translation>Type the hub's pairing code.</translation>
        </message>
        <message>
            <source>Cannot reach the hub at {url}; check that this laptop is on the same Wi-Fi and that the hub is sharing.</source>
            <translation>Cannot reach the hub at {url}; check that this laptop is on the same Wi-Fi and that the hub is sharing.</translation>
        </message>
        <message>
            <source>The hub at {url} refused the pairing code; check it and try again.</source>
            <translation>The hub at {url} refused the pairing code; check it and try again.</translation>
        </message>
        <message>
            <source>{url} does not answer as a course hub.</source>
            <translation>{url} does not answer as a course hub.</translation>
        </message>
        <message>
            <source>The hub at {url} refused this laptop's pairing; pair again with the code shown on the hub.</source>
            <translation>The hub at {url} refused this laptop's pairing; pair again with the code shown on the hub.</translation>
        </message>
        <message>
            <source>Cannot read the courses of the hub at {url}; check the address and that the hub is sharing.</source>
            <translation>Cannot read the courses of the hub at {url}; check the address and that the hub is sharing.</translation>
        </message>
        <message>
            <source>Cannot serve on {bind} port {port}: {reason} (another hub running? try another --port).</source>
            <translation>Cannot serve on {bind} port {port}: {reason} (another hub running? try another --port).</translation>
        </message>
        <message>
            <source>Too many wrong PINs: try again in {seconds} s.</source>
            <translation>Too many wrong PINs: try again in {seconds} s.</translation>
        </message>
        <message>
            <source>No LRS is configured: give its address (stats --lrs URL), or configure one with course-player sync --configure URL (or {variable}).</source>
            <translation>No LRS is configured: give its address (stats --lrs URL), or configure one with course-player sync --configure URL (or {variable}).</translation>
        </message>
        <message>
            <source>The LRS lists more than {limit} statements for this course; the report stops there (raise --max-statements to read more).</source>
            <translation>The LRS lists more than {limit} statements for this course; the report stops there (raise --max-statements to read more).</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} sent a 'more' link to another server ({origin}); it was not followed.</source>
            <translation>The LRS at {endpoint} sent a 'more' link to another server ({origin}); it was not followed.</translation>
        </message>
        <message>
            <source>Cannot read statements from {endpoint}: {cause}. Run the same command again to continue where it stopped.</source>
            <translation>Cannot read statements from {endpoint}: {cause}. Run the same command again to continue where it stopped.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} refused to list statements (HTTP {status}); check the LRS user name and password (course-player sync --configure) and that they may read statements.</source>
            <translation>The LRS at {endpoint} refused to list statements (HTTP {status}); check the LRS user name and password (course-player sync --configure) and that they may read statements.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} answered with a redirect (HTTP {status}); redirects are not followed. Check the LRS address.</source>
            <translation>The LRS at {endpoint} answered with a redirect (HTTP {status}); redirects are not followed. Check the LRS address.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} answered HTTP {status} when asked for statements. Run the same command again to continue where it stopped.</source>
            <translation>The LRS at {endpoint} answered HTTP {status} when asked for statements. Run the same command again to continue where it stopped.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} sent a page of statements {problem}.</source>
            <translation>The LRS at {endpoint} sent a page of statements {problem}.</translation>
        </message>
        <message>
            <source>Say where the statements are: --lrs [ENDPOINT] (an LRS) or --from FILE.jsonl (progress files).</source>
            <translation>Say where the statements are: --lrs [ENDPOINT] (an LRS) or --from FILE.jsonl (progress files).</translation>
        </message>
        <message>
            <source>Not a subtitle choice: {choice!r}.</source>
            <translation>Not a subtitle choice: {choice!r}.</translation>
        </message>
        <message>
            <source>A playback speed is from {low}× to {high}×.</source>
            <translation>A playback speed is from {low}× to {high}×.</translation>
        </message>
        <message>
            <source>A text size is one of {sizes} %.</source>
            <translation>A text size is one of {sizes} %.</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>Unexpected error: %1</source>
            <translation>Unexpected error: %1</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>Course Player</source>
            <translation>Course Player</translation>
        </message>
        <message>
            <source>You can start with empty progress: the damaged file is moved to the backups folder, nothing is deleted. Progress already sent to your organisation or saved on a USB stick can be imported again.</source>
            <translation>You can start with empty progress: the damaged file is moved to the backups folder, nothing is deleted. Progress already sent to your organisation or saved on a USB stick can be imported again.</translation>
        </message>
        <message>
            <source>Start with empty progress</source>
            <translation>Start with empty progress</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>AddKeyDialog</name>
        <message>
            <source>Trust a publisher's key</source>
            <translation>Trust a publisher's key</translation>
        </message>
        <message>
            <source>&amp;Key:</source>
            <translation>&amp;Key:</translation>
        </message>
        <message>
            <source>From a &amp;file…</source>
            <translation>From a &amp;file…</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>Fingerprint:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Courses:</source>
            <translation>&amp;Courses:</translation>
        </message>
        <message>
            <source>course ids, separated by commas (empty: any)</source>
            <translation>course ids, separated by commas (empty: any)</translation>
        </message>
        <message>
            <source>&amp;Trust this key</source>
            <translation>&amp;Trust this key</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>(not a valid key)</source>
            <translation>(not a valid key)</translation>
        </message>
        <message>
            <source>Compare it with the one the publisher gave you.</source>
            <translation>Compare it with the one the publisher gave you.</translation>
        </message>
        <message>
            <source>A key file or a signed course package</source>
            <translation>A key file or a signed course package</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Reading…</translation>
        </message>
    </context>
    <context>
        <name>TrustedKeysBox</name>
        <message>
            <source>Trusted publishers</source>
            <translation>Trusted publishers</translation>
        </message>
        <message>
            <source>Only a course signed by one of these keys is shown as “verified”. Add a key only if its publisher gave it to you, and check its fingerprint with them.</source>
            <translation>Only a course signed by one of these keys is shown as “verified”. Add a key only if its publisher gave it to you, and check its fingerprint with them.</translation>
        </message>
        <message>
            <source>&amp;Add a key…</source>
            <translation>&amp;Add a key…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
        <message>
            <source>any course</source>
            <translation>any course</translation>
        </message>
        <message>
            <source>%1; comes with the app</source>
            <translation>%1; comes with the app</translation>
        </message>
    </context>
    <context>
        <name>NetworkCoursesPanel</name>
        <message>
            <source>Looking for courses on the network…</source>
            <translation>Looking for courses on the network…</translation>
        </message>
        <message>
            <source>%1 (version %2, %3) — hub %4</source>
            <translation>%1 (version %2, %3) — hub %4</translation>
        </message>
        <message>
            <source>No course found. If the Wi-Fi blocks discovery, type the address the trainer's laptop shows.</source>
            <translation>No course found. If the Wi-Fi blocks discovery, type the address the trainer's laptop shows.</translation>
        </message>
        <message>
            <source>A trainer's laptop sharing in a workshop offers its courses to every laptop on the same Wi-Fi, with no internet needed.</source>
            <translation>A trainer's laptop sharing in a workshop offers its courses to every laptop on the same Wi-Fi, with no internet needed.</translation>
        </message>
        <message>
            <source>&amp;Search the network</source>
            <translation>&amp;Search the network</translation>
        </message>
        <message>
            <source>Show this course</source>
            <translation>Show this course</translation>
        </message>
        <message>
            <source>Or the hub's &amp;address:</source>
            <translation>Or the hub's &amp;address:</translation>
        </message>
        <message>
            <source>Address of the hub</source>
            <translation>Address of the hub</translation>
        </message>
        <message>
            <source>Show its courses</source>
            <translation>Show its courses</translation>
        </message>
        <message>
            <source>Courses on the network</source>
            <translation>Courses on the network</translation>
        </message>
    </context>
    <context>
        <name>WorkshopDialog</name>
        <message>
            <source>Stop sharing</source>
            <translation>Stop sharing</translation>
        </message>
        <message>
            <source>Start sharing</source>
            <translation>Start sharing</translation>
        </message>
        <message>
            <source>QR code of the address and the pairing code</source>
            <translation>QR code of the address and the pairing code</translation>
        </message>
        <message numerus="yes">
            <source>%n statement(s) received from laptops.</source>
            <translation>
                <numerusform>%n statement received from laptops.</numerusform>
                <numerusform>%n statements received from laptops.</numerusform>
            </translation>
        </message>
        <message>
            <source>Paired with the hub %1 (%2): progress is sent there.</source>
            <translation>Paired with the hub %1 (%2): progress is sent there.</translation>
        </message>
        <message>
            <source>Not paired with a hub.</source>
            <translation>Not paired with a hub.</translation>
        </message>
        <message>
            <source>Share in a workshop</source>
            <translation>Share in a workshop</translation>
        </message>
        <message>
            <source>Share this laptop's courses</source>
            <translation>Share this laptop's courses</translation>
        </message>
        <message>
            <source>Laptops on the same Wi-Fi install the courses from this one and send it their progress; this laptop forwards it when it is online. Sharing goes on when this window is closed, until you stop it or quit the app. On Windows, answer “Allow” for private networks when the firewall asks.</source>
            <translation>Laptops on the same Wi-Fi install the courses from this one and send it their progress; this laptop forwards it when it is online. Sharing goes on when this window is closed, until you stop it or quit the app. On Windows, answer “Allow” for private networks when the firewall asks.</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Address:</translation>
        </message>
        <message>
            <source>Pairing code:</source>
            <translation>Pairing code:</translation>
        </message>
        <message>
            <source>Send my progress to a hub</source>
            <translation>Send my progress to a hub</translation>
        </message>
        <message>
            <source>Type the address and the code the trainer's laptop shows (or paste the address read from its QR code).</source>
            <translation>Type the address and the code the trainer's laptop shows (or paste the address read from its QR code).</translation>
        </message>
        <message>
            <source>Hub address:</source>
            <translation>Hub address:</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>Code:</translation>
        </message>
        <message>
            <source>Pair</source>
            <translation>Pair</translation>
        </message>
        <message>
            <source>Forget this hub</source>
            <translation>Forget this hub</translation>
        </message>
    </context>
    <context>
        <name>HubSettingRow</name>
        <message>
            <source>Workshop hub: %1 (%2)</source>
            <translation>Workshop hub: %1 (%2)</translation>
        </message>
        <message>
            <source>Workshop hub: none (progress goes to the LRS only).</source>
            <translation>Workshop hub: none (progress goes to the LRS only).</translation>
        </message>
        <message>
            <source>&amp;Workshop…</source>
            <translation>&amp;Workshop…</translation>
        </message>
    </context>
    <context>
        <name>DashboardCsv</name>
        <message>
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>Course version</source>
            <translation>Course version</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Learner</translation>
        </message>
        <message>
            <source>Learner identifier</source>
            <translation>Learner identifier</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Lessons done</source>
            <translation>Lessons done</translation>
        </message>
        <message>
            <source>Lessons in the module</source>
            <translation>Lessons in the module</translation>
        </message>
        <message>
            <source>Best quiz score</source>
            <translation>Best quiz score</translation>
        </message>
        <message>
            <source>Time spent</source>
            <translation>Time spent</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>Last activity</translation>
        </message>
        <message>
            <source>Module completed on</source>
            <translation>Module completed on</translation>
        </message>
        <message>
            <source>Course complete</source>
            <translation>Course complete</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Results waiting to be sent</source>
            <translation>Results waiting to be sent</translation>
        </message>
        <message>
            <source>Known from</source>
            <translation>Known from</translation>
        </message>
        <message>
            <source>Imported from</source>
            <translation>Imported from</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>complete</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>locked</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>not reported</translation>
        </message>
        <message>
            <source>nothing to send</source>
            <translation>nothing to send</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>waiting</translation>
        </message>
        <message>
            <source>all sent</source>
            <translation>all sent</translation>
        </message>
        <message>
            <source>refused by the server</source>
            <translation>refused by the server</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation>this computer</translation>
        </message>
        <message>
            <source>a progress file</source>
            <translation>a progress file</translation>
        </message>
    </context>
    <context>
        <name>ProgressToUsbDialog</name>
        <message>
            <source>Export every learner's progress to a USB stick</source>
            <translation>Export every learner's progress to a USB stick</translation>
        </message>
        <message>
            <source>Every learner's progress on this computer</source>
            <translation>Every learner's progress on this computer</translation>
        </message>
        <message>
            <source>Export my progress to a USB stick</source>
            <translation>Export my progress to a USB stick</translation>
        </message>
        <message>
            <source>The progress of %1</source>
            <translation>The progress of %1</translation>
        </message>
        <message>
            <source>The results not yet sent are written as one progress file, time spent included. On the trainer's computer, open the trainer dashboard and import it.</source>
            <translation>The results not yet sent are written as one progress file, time spent included. On the trainer's computer, open the trainer dashboard and import it.</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <source>Writing the progress file… Do not remove the stick.</source>
            <translation>Writing the progress file… Do not remove the stick.</translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) copied to %1, to import on the trainer's computer.</source>
            <translation>
                <numerusform>%n result copied to %1, to import on the trainer's computer.</numerusform>
                <numerusform>%n results copied to %1, to import on the trainer's computer.</numerusform>
            </translation>
        </message>
        <message>
            <source>No result to copy: everything was already sent.</source>
            <translation>No result to copy: everything was already sent.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Everywhere</source>
            <translation>Everywhere</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>Next button or field</source>
            <translation>Next button or field</translation>
        </message>
        <message>
            <source>Shift+Tab</source>
            <translation>Shift+Tab</translation>
        </message>
        <message>
            <source>Previous button or field</source>
            <translation>Previous button or field</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Space</translation>
        </message>
        <message>
            <source>Press the button, tick the box</source>
            <translation>Press the button, tick the box</translation>
        </message>
        <message>
            <source>Alt+Left arrow</source>
            <translation>Alt+Left arrow</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Ctrl+Home</source>
            <translation>Ctrl+Home</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Library</translation>
        </message>
        <message>
            <source>Ctrl+O</source>
            <translation>Ctrl+O</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Add a course</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Switch learner</source>
            <translation>Switch learner</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <source>Trainer dashboard</source>
            <translation>Trainer dashboard</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>This list of shortcuts</source>
            <translation>This list of shortcuts</translation>
        </message>
        <message>
            <source>Alt+underlined letter</source>
            <translation>Alt+underlined letter</translation>
        </message>
        <message>
            <source>Press that button</source>
            <translation>Press that button</translation>
        </message>
        <message>
            <source>Quiz and survey</source>
            <translation>Quiz and survey</translation>
        </message>
        <message>
            <source>Up arrow, Down arrow</source>
            <translation>Up arrow, Down arrow</translation>
        </message>
        <message>
            <source>Previous or next answer choice</source>
            <translation>Previous or next answer choice</translation>
        </message>
        <message>
            <source>Pick the answer choice that has the focus</source>
            <translation>Pick the answer choice that has the focus</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>After a typed answer: next question</source>
            <translation>After a typed answer: next question</translation>
        </message>
        <message>
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Enter</translation>
        </message>
        <message>
            <source>Submit the answers</source>
            <translation>Submit the answers</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Play or pause</source>
            <translation>Play or pause</translation>
        </message>
        <message>
            <source>Left arrow</source>
            <translation>Left arrow</translation>
        </message>
        <message>
            <source>Back 10 seconds</source>
            <translation>Back 10 seconds</translation>
        </message>
        <message>
            <source>Right arrow</source>
            <translation>Right arrow</translation>
        </message>
        <message>
            <source>Forward 10 seconds</source>
            <translation>Forward 10 seconds</translation>
        </message>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Mute or unmute</source>
            <translation>Mute or unmute</translation>
        </message>
        <message>
            <source>F</source>
            <translation>F</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Full screen</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Leave full screen</source>
            <translation>Leave full screen</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Everything in the app can be done with the keyboard alone. The button or field that has the focus is circled in blue.</source>
            <translation>Everything in the app can be done with the keyboard alone. The button or field that has the focus is circled in blue.</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>What they do</source>
            <translation>What they do</translation>
        </message>
    </context>
    <context>
        <name>EmptyLibrary</name>
        <message>
            <source>No course yet: add your first one</source>
            <translation>No course yet: add your first one</translation>
        </message>
        <message>
            <source>From a USB stick</source>
            <translation>From a USB stick</translation>
        </message>
        <message>
            <source>Plug in the stick a trainer gave you, then choose Add a course…: the courses on the stick are listed there.</source>
            <translation>Plug in the stick a trainer gave you, then choose Add a course…: the courses on the stick are listed there.</translation>
        </message>
        <message>
            <source>From a web address</source>
            <translation>From a web address</translation>
        </message>
        <message>
            <source>Type the address your organisation sent you (it starts with https://). Once installed, the course works without a network.</source>
            <translation>Type the address your organisation sent you (it starts with https://). Once installed, the course works without a network.</translation>
        </message>
        <message>
            <source>From a workshop hub</source>
            <translation>From a workshop hub</translation>
        </message>
        <message>
            <source>In a workshop, the trainer&apos;s computer shares its courses on the local network: they appear under Add a course….</source>
            <translation>In a workshop, the trainer&apos;s computer shares its courses on the local network: they appear under Add a course….</translation>
        </message>
        <message>
            <source>Add a course…</source>
            <translation>Add a course…</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Add a course</translation>
        </message>
    </context>
    <context>
        <name>ScoreGauge</name>
        <message>
            <source>pass mark %1</source>
            <translation>pass mark %1</translation>
        </message>
    </context>
</TS>
