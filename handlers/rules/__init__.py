"""The rules: penalties, the assessment and the 通报, working days, quiet hours, what a notice may carry."""
